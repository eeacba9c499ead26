// Package casualty finds the casualty reports of Arabic news text, with
// the boundaries of the annotation guidelines (rule 6: from the trigger
// through the count to the victims' head noun, or the count and its noun
// alone), and reads their values: the count, whether it is exact, the kind
// and the victims.
//
// Triggers are مقتل، قتل، قُتل، مصرع، سقوط، إصابة، أصيب، جرح، أسر، اختطاف،
// تحييد and their forms; counts are digits (Arabic-Indic too), number
// words (duals included), bounds (أكثر من، ما لا يقل عن، نحو) and vague
// amounts (عشرات، مئات، عدد من); nouns are the victims' head nouns (جنود،
// عناصر، مدنيين، آخرين، قتلى وجرحى …).
package casualty

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/raqim/raqim/internal/fold"
	"github.com/raqim/raqim/internal/numword"
)

// Value is what a casualty report says.
type Value struct {
	Count    int  // valid when HasCount
	HasCount bool // false for قتلى وجرحى, عدد من …
	// Exact is false for bounds and vague amounts (أكثر من 30, عشرات).
	Exact bool
	// Kind is Killed, Injured, Captured, Kidnapped or Neutralised, two of
	// them joined by a comma (قتلى وجرحى: "killed,injured"), or "".
	Kind    string
	Victims string // the head noun as written, without diacritics
}

// Attrs returns v as span attributes: count (when known), count_exact,
// kind (when known) and victims (when known).
func (v Value) Attrs() map[string]string {
	a := map[string]string{"count_exact": strconv.FormatBool(v.Exact && v.HasCount)}
	if v.HasCount {
		a["count"] = strconv.Itoa(v.Count)
	}
	if v.Kind != "" {
		a["kind"] = v.Kind
	}
	if v.Victims != "" {
		a["victims"] = v.Victims
	}
	return a
}

// Match is a casualty report found in a text.
type Match struct {
	Start, End  int // code points of the stored text
	First, Last int // word indices
	Value       Value
}

// Find returns the casualty reports of t in text order, not overlapping.
func Find(t *fold.Text) []Match {
	var out []Match
	for i := 0; i < len(t.Words); i++ {
		m, ok := at(t, i, out)
		if !ok {
			continue
		}
		out = append(out, m)
		i = m.Last
	}
	return out
}

// coordinated is how many words after a report a count joined to it by و
// may start (مقتل أربعة عناصر من الجيش وعدد من أفراد …) and take its kind.
const coordinated = 4

// At returns the casualty report starting at word i, whose first word may
// carry a proclitic (وإصابة), and whether there is one.
func At(t *fold.Text, i int) (Match, bool) { return at(t, i, nil) }

// at is At with the reports found before word i, the last of which may
// lend its kind to a count coordinated with it.
func at(t *fold.Text, i int, before []Match) (Match, bool) {
	if i >= len(t.Words) || t.Words[i].Punct {
		return Match{}, false
	}
	w := &t.Words[i]
	lent := ""
	if n := len(before); n > 0 && i-before[n-1].Last <= coordinated && strings.HasPrefix(w.Key, kWa) {
		lent = before[n-1].Value.Kind
		if lent == "" {
			lent = "?"
		}
		for j := before[n-1].Last + 1; j < i; j++ {
			if t.Words[j].Punct {
				lent = "" // a comma or full stop ends the coordination
			}
		}
	}
	// مقتل 11 مدنيًا بينهم ثلاثة أطفال: a part of the victims just before.
	if n := len(before); n > 0 && lent == "" && i > 0 && i-before[n-1].Last <= coordinated && subset[t.Words[i-1].Key] {
		if lent = before[n-1].Value.Kind; lent == "" {
			lent = "?"
		}
	}
	readings := slices.Clip(w.Readings())
	if rest, ok := strings.CutPrefix(w.Key, kWa); ok {
		if _, digits := numword.Digits(rest); digits {
			readings = append(readings, fold.Reading{Skip: 1, Key: rest}) // و20 جريحا
		}
	}
	for _, rd := range readings {
		r := reader{t: t, i: i, first: rd.Key, lent: lent, part: i > 0 && subset[t.Words[i-1].Key]}
		last, v, ok := r.report()
		if !ok {
			continue
		}
		start := w.Offset(rd.Skip)
		if rd.Skip == 0 {
			start = w.Start
		}
		return Match{Start: start, End: t.Words[last].End, First: i, Last: last, Value: v}, true
	}
	return Match{}, false
}

type reader struct {
	t     *fold.Text
	i     int
	first string
	// lent is the kind of a report just before that a count joined by و
	// continues ("?" when it has none), or "".
	lent string
	// part says the count follows a subset word (بينهم): it may take lent
	// without a و.
	part bool
	// trig says the count being read follows a trigger: a noun the lists
	// lack may be its victims (اختطفوا ثلاثة وجهاء).
	trig bool
}

func (r *reader) key(j int) string {
	if j == r.i {
		return r.first
	}
	if j < 0 || j >= len(r.t.Words) {
		return ""
	}
	return r.t.Words[j].Key
}

// report reads a report at r.i: a fixed phrase, a trigger with its count
// and noun, or a count with an intrinsic noun (14 جريحًا).
func (r *reader) report() (last int, v Value, ok bool) {
	k := r.key(r.i)
	for n := 2; n <= 3 && fixedFirst[k]; n++ {
		ks := make([]string, n)
		for x := range ks {
			ks[x] = r.key(r.i + x)
		}
		if _, ok := fixed[strings.Join(ks, " ")]; ok {
			return r.i + n - 1, Value{}, true
		}
	}
	if kind, ok := triggers[k]; ok {
		r.trig = true
		defer func() { r.trig = false }()
		j := r.i + 1
		kinds := []string{kind}
		// مقتل وإصابة، قتل وجرح: coordinated triggers
		if nk := r.key(j); len([]rune(nk)) > 2 && strings.HasPrefix(nk, kWa) {
			if k2, ok := triggers[strings.TrimPrefix(nk, kWa)]; ok && k2 != "" && kind != "" {
				kinds = append(kinds, k2)
				j++
			}
		}
		l, cv, ok := r.countNoun(j, needCount[k])
		if !ok && needCount[k] {
			// أسر جنديين: a dual is a count.
			if l2, cv2, ok2 := r.countNoun(j, false); ok2 && cv2.HasCount && cv2.Count == 2 && l2 == j {
				l, cv, ok = l2, cv2, true
			}
		}
		if ok {
			cv.Kind = joinKinds(kinds, cv.Kind, kind == "")
			if kind == "" && cv.Kind == "" && !isIntrinsic(r.key(l)) {
				return 0, Value{}, false // سقوط جنود is no report
			}
			return l, cv, true
		}
		return 0, Value{}, false
	}
	// A count standing alone with its noun: an intrinsic noun (14 جريحًا), or
	// any victims' noun shortly after a trigger (قُتل فيها أكثر من 30 جنديًا).
	l, cv, ok := r.countNoun(r.i, true)
	if !ok && r.part && r.lent != "" {
		// بينهم صينيان: a dual is a count.
		if l2, cv2, ok2 := r.countNoun(r.i, false); ok2 && cv2.HasCount && cv2.Count == 2 {
			l, cv, ok = l2, cv2, true
		}
	}
	if !ok {
		return 0, Value{}, false
	}
	if ik, ok := intrinsicOf(r.key(l)); ok {
		if cv.Kind == "" {
			cv.Kind = ik
		}
		return l, cv, true
	}
	if r.lent != "" && (r.part || r.first != r.t.Words[r.i].Key) {
		if cv.Kind == "" && r.lent != "?" {
			cv.Kind = r.lent
		}
		return l, cv, true
	}
	if tk, ok := r.triggerBefore(r.i); ok {
		if cv.Kind == "" {
			cv.Kind = tk
		}
		return l, cv, true
	}
	// خمسة ضباط بين القتلى: a part of the dead, wounded or captives.
	if r.key(l+1) == kBayn {
		if ik, ok := intrinsicOf(r.key(l + 2)); ok && ik != "" && fold.HasArticle(r.key(l+2)) {
			if cv.Kind == "" {
				cv.Kind = ik
			}
			return l, cv, true
		}
	}
	// 9 جنود قُتلوا: the trigger after the noun, with no count of its own
	// after it (9 جنود قتلوا 5 مدنيين is a report of the five).
	if tk, ok := triggers[r.key(l+1)]; ok && tk != "" {
		if _, _, own := r.countNoun(l+2, false); !own {
			if cv.Kind == "" {
				cv.Kind = tk
			}
			return l + 1, cv, true
		}
	}
	return 0, Value{}, false
}

// intrinsicOf returns the kind of an intrinsic noun, with or without its
// article (مئات القتلى).
func intrinsicOf(k string) (string, bool) {
	if kind, ok := intrinsic[k]; ok {
		return kind, true
	}
	if fold.HasArticle(k) {
		kind, ok := intrinsic[strings.TrimPrefix(k, "ال")]
		return kind, ok
	}
	return "", false
}

// triggerBefore finds a trigger among the three words before word i, with
// no punctuation between, and returns its kind.
func (r *reader) triggerBefore(i int) (string, bool) {
	for j, seen := i-1, 0; j >= 0 && seen < 3; j-- {
		w := &r.t.Words[j]
		if w.Punct && isQuote(w.Key) {
			continue // «حيّد» 23 مسلحًا، قتلت «أكثر من 12 جنديًا»
		}
		if w.Punct {
			return "", false
		}
		seen++
		for _, rd := range w.Readings() {
			if kind, ok := triggers[rd.Key]; ok && kind != "" {
				return kind, true
			}
			if kind, ok := lead[rd.Key]; ok {
				return kind, true
			}
		}
	}
	return "", false
}

func isIntrinsic(k string) bool { _, ok := intrinsic[k]; return ok }

// triggerish reports whether k is a trigger, or one after و.
func triggerish(k string) bool {
	_, ok := triggers[k]
	if rest, waw := strings.CutPrefix(k, kWa); waw && !ok {
		_, ok = triggers[rest]
	}
	return ok
}

// arabicWord reports whether a folded key is an Arabic word of three
// letters or more that is not a number.
func arabicWord(k string) bool {
	if len([]rune(k)) < 3 || numword.IsNumberWord(k) {
		return false
	}
	for _, c := range k {
		if c < 0x0621 || c > 0x064A {
			return false
		}
	}
	return true
}

// isQuote reports whether a punctuation word is a quotation mark.
func isQuote(k string) bool { return k != "" && strings.Trim(k, "«»\"“”„'") == "" }

// joinKinds combines the triggers' kinds with the noun's kind (for the
// general triggers).
func joinKinds(kinds []string, nounKind string, general bool) string {
	if general {
		return nounKind
	}
	return strings.Join(kinds, ",")
}

// countNoun reads [quantifier] [number] [من] noun [و noun] at j. needNum
// requires a count (a number or a quantifier) before the noun.
func (r *reader) countNoun(j int, needNum bool) (last int, v Value, ok bool) {
	v.Exact = true
	counted := false
	definite := false // a definite noun may follow: عشرات المسلحين، خمسة من الجنود
	if qu, n, ok := r.quantifier(j); ok {
		j += n
		v.Exact = false
		counted = true
		definite = qu.thenNoun
		switch {
		case qu.value > 0:
			v.Count, v.HasCount = qu.value, true
		case qu.value < 0:
			c, n := r.number(j)
			if n == 0 {
				return 0, Value{}, false
			}
			v.Count, v.HasCount = c, true
			j += n
			if r.key(j) == kWa || r.key(j) == kIla { // bounds of a range: the lower one
				if _, n2 := r.number(j + 1); n2 > 0 {
					j += 1 + n2
				}
			} else if c2, n2 := r.wawNumber(j); n2 > 0 && c2 >= c {
				j += n2 // بين 10 و15
			}
		}
	} else if k := r.key(j); k == kAhad || k == kIhda {
		if nk := r.key(j + 1); fold.HasArticle(nk) {
			v.Count, v.HasCount = 1, true // أحد الجنود
			counted, definite = true, true
			j++
		}
	}
	if !counted {
		if c, n := r.number(j); n > 0 {
			v.Count, v.HasCount = c, true
			counted = true
			j += n
			if r.key(j) == "-" || r.key(j) == kIla {
				if _, n2 := r.number(j + 1); n2 > 0 {
					j += 1 + n2 // 10-15: the lower bound
					v.Exact = false
				}
			}
		}
	}
	if counted && r.key(j) == kMin {
		j++
		definite = true
	}
	if needNum && !counted {
		return 0, Value{}, false
	}
	nk := r.key(j)
	noun := nk
	if definite && fold.HasArticle(nk) {
		noun = strings.TrimPrefix(nk, "ال")
	}
	number, isNoun := nouns[noun]
	if !isNoun && definite {
		// من ركابها، من مرافقيه: a noun with an attached pronoun.
		for _, suf := range suffixes {
			base, ok := strings.CutSuffix(noun, suf)
			if !ok || len([]rune(base)) < 3 {
				continue
			}
			if number, isNoun = nouns[base]; !isNoun && strings.HasSuffix(base, "ي") {
				number, isNoun = nouns[base+"ن"] // the construct drops the ن
			}
			if isNoun {
				break
			}
		}
	}
	if !isNoun && (r.trig || r.part) && !fold.HasArticle(noun) && dualNisba(noun) {
		number, isNoun = "2", true // صينيان، فرنسيان
	}
	if !isNoun && r.trig && (definite || !fold.HasArticle(nk)) && j < len(r.t.Words) && !r.t.Words[j].Punct && arabicWord(noun) && !notVictims[noun] && !afterCount[noun] && !triggerish(noun) {
		switch {
		case counted:
			isNoun = true // اختطفوا ثلاثة وجهاء
		case r.dualByVowel(j):
			number, isNoun = "2", true // اختطاف مهندسَين
		}
	}
	if !isNoun {
		// A count with no noun after a trigger: مقتل العشرات، مقتل 5 وإصابة 10.
		if counted && !needNum && j > r.i && r.endsCount(j) {
			return j - 1, v, true
		}
		return 0, Value{}, false
	}
	if !definite && fold.HasArticle(nk) && !counted {
		return 0, Value{}, false
	}
	if !counted {
		switch {
		case number == "1":
			v.Count, v.HasCount = 1, true
		case number == "2" || r.dualByVowel(j):
			v.Count, v.HasCount = 2, true
		default:
			v.Exact = false
		}
	}
	if ik, ok := intrinsic[noun]; ok && ik != "" {
		v.Kind = ik
	}
	last = j
	v.Victims = plain(r.t.Slice(r.t.Words[j].Start, r.t.Words[j].End))
	// قتلى وجرحى، الجنود والدركيين: a second head noun joined by و
	if nk := r.key(j + 1); len([]rune(nk)) > 2 && strings.HasPrefix(nk, kWa) {
		second := strings.TrimPrefix(nk, kWa)
		art := strings.HasPrefix(r.key(j), "ال")
		bare := second
		if art {
			bare = strings.TrimPrefix(second, "ال")
		}
		if _, ok := nouns[bare]; ok && art == strings.HasPrefix(second, "ال") && (art || isIntrinsic(noun) == isIntrinsic(bare)) {
			last = j + 1
			if ik, ok := intrinsic[bare]; ok && ik != "" && v.Kind != "" && ik != v.Kind {
				v.Kind += "," + ik
			}
			if v.HasCount && !counted {
				v.HasCount, v.Exact = false, false // جنديين ومدني: no one count
			}
			v.Victims = plain(r.t.Slice(r.t.Words[j].Start, r.t.Words[j+1].End))
		}
	}
	if r.key(last+1) == kAla && r.key(last+2) == kAqall {
		v.Exact = false // مقتل ستة مدنيين على الأقل: a lower bound
	}
	return last, v, true
}

// endsCount reports whether a count may end before word j without a noun:
// at punctuation, at the end, before a coordinated trigger (وإصابة), or
// before a preposition (أصيب ثلاثة بجروح).
func (r *reader) endsCount(j int) bool {
	if j >= len(r.t.Words) || r.t.Words[j].Punct {
		return true
	}
	k := r.key(j)
	if afterCount[k] {
		return true
	}
	if strings.HasPrefix(k, kWa) {
		if kind, ok := triggers[strings.TrimPrefix(k, kWa)]; ok && kind != "" {
			return true
		}
	}
	return false
}

// dualByVowel reports whether noun word j ends in ين with a fatha before
// the ي in the stored text (سائقَين, two drivers, not سائقِين).
func (r *reader) dualByVowel(j int) bool {
	w := &r.t.Words[j]
	rs := r.t.Runes[w.Start:w.End]
	n := len(rs)
	for n > 0 && unicode.Is(unicode.Mn, rs[n-1]) {
		n--
	}
	if n < 3 || rs[n-1] != 'ن' {
		return false
	}
	i := n - 2
	for i > 0 && unicode.Is(unicode.Mn, rs[i]) {
		i--
	}
	if rs[i] != 'ي' {
		return false
	}
	return i > 0 && rs[i-1] == '\u064E' // fatha on the letter before ي
}

// quantifier reads a quantifier at j and returns it and its word count.
func (r *reader) quantifier(j int) (quantifier, int, bool) {
	var best quantifier
	bn := 0
	if !quantFirst[r.key(j)] {
		return best, 0, false
	}
	for _, q := range quantifiers {
		if len(q.words) <= bn {
			continue
		}
		ok := true
		for x, w := range q.words {
			if r.key(j+x) != w {
				ok = false
				break
			}
		}
		if ok {
			best, bn = q, len(q.words)
		}
	}
	return best, bn, bn > 0
}

// number reads a cardinal at j (digits or words).
func (r *reader) number(j int) (int, int) {
	if !numword.IsNumberWord(r.key(j)) && r.key(j) != kAhad {
		return 0, 0
	}
	var ks []string
	for x := j; x < j+6 && x < len(r.t.Words); x++ {
		ks = append(ks, r.key(x))
	}
	return numword.Cardinal(ks)
}

// wawNumber reads و followed by a number written as one word with it (و15).
func (r *reader) wawNumber(j int) (int, int) {
	k := r.key(j)
	if !strings.HasPrefix(k, kWa) {
		return 0, 0
	}
	v, ok := numword.Digits(strings.TrimPrefix(k, kWa))
	if !ok {
		return 0, 0
	}
	return v, 1
}

// plain returns s without harakat and tatweel.
func plain(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c == 'ـ' || (c >= 0x064B && c <= 0x065F) || c == 0x0670 {
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Parse reads the casualty report of a span's text, as drawn by a user:
// the grammar's reading where it finds a report in the first words, else a
// looser one (the first trigger's kind, the first count, the last word as
// the victims). ok is false when the text has neither a trigger, a count
// nor a victims' noun.
func Parse(s string) (Value, bool) {
	t := fold.New(s)
	for i := range t.Words {
		if m, ok := At(t, i); ok {
			return m.Value, true
		}
		if i >= 3 {
			break
		}
	}
	return loose(t)
}

// loose reads a span the grammar does not: اثنين من مرافقيه.
func loose(t *fold.Text) (Value, bool) {
	v := Value{}
	found := false
	r := reader{t: t, i: -1}
	last := -1
	for i, w := range t.Words {
		if w.Punct {
			continue
		}
		last = i
		for _, rd := range w.Readings() {
			if kind, ok := triggers[rd.Key]; ok && v.Kind == "" {
				v.Kind, found = kind, true
				break
			}
			if kind, ok := intrinsic[rd.Key]; ok && v.Kind == "" {
				v.Kind, found = kind, true
				break
			}
		}
		if v.HasCount {
			continue
		}
		if qu, n, ok := r.quantifier(i); ok {
			v.Exact, found = false, true
			switch {
			case qu.value > 0:
				v.Count, v.HasCount = qu.value, true
			case qu.value < 0:
				if c, k := r.number(i + n); k > 0 {
					v.Count, v.HasCount = c, true
				}
			}
			continue
		}
		if c, n := r.number(i); n > 0 {
			v.Count, v.HasCount, v.Exact, found = c, true, true, true
		}
	}
	if last >= 0 && !v.HasCount {
		// ضابطين، إصابة مرافق: a dual, or a singular after a trigger, is
		// its own count (هجوم مسلح alone is no casualty).
		k := t.Words[last].Key
		n := nouns[k]
		if n == "" && !fold.HasArticle(k) && dualNisba(k) {
			n = "2" // صينيان
		}
		switch n {
		case "1":
			if found {
				v.Count, v.HasCount, v.Exact = 1, true, true
			}
		case "2":
			v.Count, v.HasCount, v.Exact, found = 2, true, true, true
		}
	}
	if last >= 0 && found {
		w := t.Words[last]
		v.Victims = plain(t.Slice(w.Start, w.End))
	}
	return v, found
}

// Class names the casualty word class of a folded key, for features:
// "trigger", "noun", "number", "quantifier" or "".
func Class(key string) string {
	if _, ok := triggers[key]; ok {
		return "trigger"
	}
	if _, ok := nouns[key]; ok {
		return "noun"
	}
	if numword.IsNumberWord(key) {
		return "number"
	}
	if quantFirst[key] {
		return "quantifier"
	}
	return ""
}
