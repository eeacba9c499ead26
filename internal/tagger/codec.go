package tagger

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/raqim/raqim/internal/corpus"
)

// Version is the version of the binary form MarshalBinary writes.
const Version = 1

var magic = []byte("RQTG")

// MarshalBinary encodes the model: "RQTG", a version byte, then a
// DEFLATE-compressed body of the labels, the clitic sets, the transition
// weights and the feature rows sorted by hash (so equal models encode to
// equal bytes).
func (m *Model) MarshalBinary() ([]byte, error) {
	var out bytes.Buffer
	out.Write(magic)
	out.WriteByte(Version)
	zw, err := flate.NewWriter(&out, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriter(zw)
	uv := func(v uint64) {
		var b [binary.MaxVarintLen64]byte
		w.Write(b[:binary.PutUvarint(b[:], v)])
	}
	str := func(s string) { uv(uint64(len(s))); w.WriteString(s) }
	f32 := func(f float32) {
		var b [4]byte
		binary.LittleEndian.PutUint32(b[:], math.Float32bits(f))
		w.Write(b[:])
	}
	set := func(s map[string]bool) {
		keys := make([]string, 0, len(s))
		for k := range s {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		uv(uint64(len(keys)))
		for _, k := range keys {
			str(k)
		}
	}
	uv(uint64(len(m.labels)))
	for _, l := range m.labels {
		str(string(l))
	}
	set(m.strip)
	set(m.keep)
	for _, f := range m.trans {
		f32(f)
	}
	hashes := make([]uint64, 0, len(m.rows))
	for h := range m.rows {
		hashes = append(hashes, h)
	}
	slices.Sort(hashes)
	nt := len(m.tags)
	uv(uint64(len(hashes)))
	for _, h := range hashes {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], h)
		w.Write(b[:])
		r := int(m.rows[h])
		for _, f := range m.w[r*nt : r*nt+nt] {
			f32(f)
		}
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// UnmarshalBinary decodes a model MarshalBinary wrote; the error says what
// is wrong (not a model, an unknown version, a truncated or corrupt body).
func (m *Model) UnmarshalBinary(data []byte) error {
	if len(data) < len(magic)+1 || !bytes.Equal(data[:len(magic)], magic) {
		return errors.New("tagger: not a tagger model (no RQTG header)")
	}
	if v := data[len(magic)]; v != Version {
		return fmt.Errorf("tagger: model version %d, this build reads version %d", v, Version)
	}
	r := bufio.NewReader(flate.NewReader(bytes.NewReader(data[len(magic)+1:])))
	var err error
	fail := func(what string, e error) error {
		if e == io.EOF {
			e = io.ErrUnexpectedEOF
		}
		return fmt.Errorf("tagger: reading the model's %s: %w", what, e)
	}
	uv := func() uint64 {
		if err != nil {
			return 0
		}
		var v uint64
		v, err = binary.ReadUvarint(r)
		return v
	}
	str := func() string {
		n := uv()
		if err != nil {
			return ""
		}
		if n > 1<<16 {
			err = errors.New("string too long")
			return ""
		}
		b := make([]byte, n)
		_, err = io.ReadFull(r, b)
		return string(b)
	}
	f32 := func() float32 {
		if err != nil {
			return 0
		}
		var b [4]byte
		_, err = io.ReadFull(r, b[:])
		return math.Float32frombits(binary.LittleEndian.Uint32(b[:]))
	}
	set := func() map[string]bool {
		n := uv()
		s := make(map[string]bool)
		for i := uint64(0); i < n && err == nil; i++ {
			s[str()] = true
		}
		return s
	}
	var nm Model
	nl := uv()
	if nl == 0 || nl > 64 {
		if err == nil {
			err = fmt.Errorf("%d labels", nl)
		}
		return fail("labels", err)
	}
	nm.tags = []string{"O"}
	for i := uint64(0); i < nl && err == nil; i++ {
		l := str()
		nm.labels = append(nm.labels, corpus.Label(l))
		nm.tags = append(nm.tags, "B-"+l, "I-"+l)
	}
	if err != nil {
		return fail("labels", err)
	}
	nm.strip, nm.keep = set(), set()
	if err != nil {
		return fail("clitic sets", err)
	}
	nt := len(nm.tags)
	nm.trans = make([]float32, nt*nt)
	for i := range nm.trans {
		nm.trans[i] = f32()
	}
	if err != nil {
		return fail("transitions", err)
	}
	nr := uv()
	if err == nil && nr > 1<<24 {
		err = fmt.Errorf("%d rows", nr)
	}
	if err != nil {
		return fail("rows", err)
	}
	nm.rows = make(map[uint64]int32, nr)
	nm.w = make([]float32, 0, int(nr)*nt)
	for i := uint64(0); i < nr && err == nil; i++ {
		var b [8]byte
		if _, err = io.ReadFull(r, b[:]); err != nil {
			break
		}
		nm.rows[binary.LittleEndian.Uint64(b[:])] = int32(i)
		for t := 0; t < nt; t++ {
			nm.w = append(nm.w, f32())
		}
	}
	if err != nil {
		return fail("rows", err)
	}
	nm.table = newRowTable(nm.rows)
	*m = nm
	return nil
}

// String describes the model in one line.
func (m *Model) String() string {
	ls := make([]string, len(m.labels))
	for i, l := range m.labels {
		ls[i] = string(l)
	}
	return fmt.Sprintf("tagger v%d: %s, %d feature rows", Version, strings.Join(ls, " "), len(m.rows))
}
