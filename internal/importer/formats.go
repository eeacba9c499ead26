package importer

// formats maps a lower-case file extension, with its dot, to the importer of
// that format. To support a new format, add an entry here (and its importer
// in a file of its own); File applies the size limit before calling it.
var formats = map[string]importFunc{
	".jsonl": importJSONL,
	".txt":   importTXT,
	".conll": importCoNLL,
	".bio":   importCoNLL,
	".iob":   importCoNLL,
	".iob2":  importCoNLL,
	".bioes": importCoNLL,
	".json":  importLabelStudio,
	".zip":   importZip,
}
