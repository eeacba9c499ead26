package ui

import "testing"

// element records what paint writes into it.
type element struct {
	html   string
	writes int
}

func (e *element) Set(prop string, v any) {
	if prop == "innerHTML" {
		e.html, e.writes = v.(string), e.writes+1
	}
}

// TestPaint checks that a chunk's element is written only when its content
// changes, and always under a key not recorded: go-app reuses an element
// under a new key (a new document, a new list), and after forget.
func TestPaint(t *testing.T) {
	tests := []struct {
		name       string
		record     map[string]string // painted before
		key, html  string
		was        string // the element's content before
		want       string
		wantWrites int
	}{
		{"same content", map[string]string{"d1:0": "<li>a</li>"}, "d1:0", "<li>a</li>", "<li>a</li>", "<li>a</li>", 0},
		{"new content", map[string]string{"d1:0": "<li>a</li>"}, "d1:0", "<li>b</li>", "<li>a</li>", "<li>b</li>", 1},
		{"emptied", map[string]string{"d1:0": "<li>a</li>"}, "d1:0", "", "<li>a</li>", "", 1},
		{"recorded empty", map[string]string{"d1:0": ""}, "d1:0", "", "", "", 0},
		{"new key, empty", map[string]string{"b1:5": "<p>old</p>"}, "b2:5", "", "<p>old</p>", "", 1},
		{"new key, drawn", nil, "b2:5", "<p>new</p>", "<p>old</p>", "<p>new</p>", 1},
	}
	for _, tt := range tests {
		p := painted{}
		for k, v := range tt.record {
			p[k] = v
		}
		el := &element{html: tt.was}
		p.paint(tt.key, el, tt.html)
		if el.html != tt.want || el.writes != tt.wantWrites {
			t.Errorf("%s: element holds %q after %d writes, want %q after %d", tt.name, el.html, el.writes, tt.want, tt.wantWrites)
		}
		if p[tt.key] != tt.html {
			t.Errorf("%s: recorded %q, want %q", tt.name, p[tt.key], tt.html)
		}
	}
}

// TestForget checks that forget drops the records of the kinds of chunk
// given only.
func TestForget(t *testing.T) {
	p := painted{"b1:0": "x", "g1:0": "y", "d3:0": "z"}
	p.forget(kindBlock, kindGroup)
	if _, ok := p["b1:0"]; ok || len(p) != 1 || p["d3:0"] != "z" {
		t.Errorf("after forget(kindBlock, kindGroup): %v", p)
	}
}
