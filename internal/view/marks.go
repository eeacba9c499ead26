package view

// A Mark is a stretch of the text painted over whatever it crosses (spans,
// suggestions, paragraphs) instead of drawn as an element of its own: Kind
// names the paint.
type Mark struct {
	Start, End int // code points
	Kind       string
}

// MarksPerBlock returns the marks overlapping each of blocks, in the order
// of marks; nil for a block without any.
func MarksPerBlock(blocks []Block, marks []Mark) [][]Mark {
	out := make([][]Mark, len(blocks))
	for _, m := range marks {
		for i := BlockAt(blocks, m.Start); i >= 0 && i < len(blocks) && blocks[i].Start < m.End; i++ {
			if blocks[i].End > m.Start {
				out[i] = append(out[i], m)
			}
		}
	}
	return out
}
