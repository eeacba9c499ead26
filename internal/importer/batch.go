package importer

import (
	"io"

	"github.com/raqim/raqim/internal/format"
	"github.com/raqim/raqim/internal/job"
)

// Input is one file the user handed over: its name and contents.
type Input struct {
	Name string
	Data []byte
	// Open, when set instead of Data, reads a large span JSONL file from
	// a byte offset, each time it is called: Run checks it whole, then
	// stores it in runs, never holding all of it.
	Open func(offset int64) (io.Reader, error)
	// Layer says what the file becomes for documents stored already.
	Layer job.Layer
}

// Unit is what is imported as a whole, all or nothing: one file, or a brat
// .txt with its .ann.
type Unit struct {
	Name  string // for messages: the file, or "stem.txt + stem.ann"
	Files []Input
	Index []int // the positions of Files in the selection given to Group
	// Layer says what the unit becomes for documents stored already: its
	// first file's Layer.
	Layer job.Layer
}

// Group cuts a multi-file selection into units: a .ann and the .txt of the
// same name form one brat unit; every other file is a unit of its own, in
// the order given.
func Group(files []Input) []Unit {
	stem := func(name string) string { return name[:len(name)-len(format.Ext(name))] }
	anns := make(map[string]int)
	for i, f := range files {
		if format.Ext(f.Name) == ".ann" {
			anns[stem(f.Name)] = i
		}
	}
	paired := make(map[int]bool)
	var units []Unit
	for i, f := range files {
		if paired[i] {
			continue
		}
		if format.Ext(f.Name) == ".txt" {
			if j, ok := anns[stem(f.Name)]; ok {
				paired[j] = true
				units = append(units, Unit{Name: f.Name + " + " + files[j].Name, Files: []Input{f, files[j]}, Index: []int{i, j}, Layer: f.Layer})
				continue
			}
		}
		units = append(units, Unit{Name: f.Name, Files: []Input{f}, Index: []int{i}, Layer: f.Layer})
	}
	return units
}

// Import imports one unit: a brat pair through format's brat reader, a
// single file through File. A lone .ann is refused: it has no text.
func Import(u Unit, opts Options) (Result, error) {
	if len(u.Files) == 2 {
		files := make([]format.File, len(u.Files))
		for i, f := range u.Files {
			files[i] = format.File{Name: f.Name, Data: f.Data}
		}
		return format.Get(format.Brat).Read(files, opts)
	}
	f := u.Files[0]
	if format.Ext(f.Name) == ".ann" {
		return Result{}, format.Errorf(f.Name, 0, "a brat .ann file needs its .txt: select both files (or a zip of them)")
	}
	return File(f.Name, f.Data, opts)
}
