package suggest

import (
	"strings"

	"github.com/raqim/raqim/internal/casualty"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/dates"
	"github.com/raqim/raqim/internal/fold"
	"github.com/raqim/raqim/internal/gazetteer"
	"github.com/raqim/raqim/internal/numword"
)

// Context is the source of places the gazetteer does not know but whose
// context shows them to be places (see contextPlaces).
const Context Source = "context"

// notNames are common words that follow head nouns or stand in lists of
// places without being names.
var notNames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي حدود داخل خارج قرب
نفس ذات كل بعض عدة أخرى آخر ما لا لم لن قد التي الذي الذين حيث بعد قبل خلال منذ عند بين حول نحو
هذه هذا ذلك تلك هناك هنا عشية ضحاها مثل منها بينها أقصى أدنى أنحاء أرجاء نطاق محيط ضواحي أطراف جانب عمق قلب`) {
		m[fold.String(w)] = true
	}
	return m
}()

var (
	kBayn = fold.String("بين")
	// locating words after a name: X بولاية Y، X في إقليم Y، X التابعة لـ
	locators = map[string]bool{}
	// dual head nouns name two places: منطقتي X وY
	dualHeads = map[string]bool{}
	// plural head nouns introduce examples, not a name: مدن مثل …
	pluralHeads = map[string]bool{}
)

func init() {
	for _, w := range strings.Fields("ولاية إقليم منطقة دائرة محافظة مقاطعة بلدية") {
		locators[fold.String("ب"+w)] = true
	}
	for _, w := range strings.Fields("منطقتي مدينتي قريتي بلدتي ولايتي") {
		dualHeads[fold.String(w)] = true
	}
	for _, w := range strings.Fields("مدن مناطق قرى بلدات ولايات أقاليم معسكرات مخيمات") {
		pluralHeads[fold.String(w)] = true
		pluralHeads[fold.String("و"+w)] = true
		pluralHeads[fold.String("ب"+w)] = true
		pluralHeads[fold.String("في"+w)] = true
	}
}

// nameLike reports whether word i could be a place name the gazetteer does
// not know: letters only, no article, at least three letters, not a word
// of the grammars, a head noun or a common word, and not shaped like a verb
// (ت، ي، ن، أ before three letters), a feminine adjective or noun (…ة) or a
// feminine plural (…ات).
func nameLike(t *fold.Text, i int) (key string, ok bool) {
	if i < 0 || i >= len(t.Words) {
		return "", false
	}
	w := &t.Words[i]
	k := w.Key
	if w.Punct || hasArticle(k) || numword.IsNumberWord(k) {
		return "", false
	}
	r := []rune(k)
	if len(r) < 3 || notNames[k] || dates.Class(k) != "" || casualty.Class(k) != "" || gazetteer.IsHeadNoun(k) {
		return "", false
	}
	for _, c := range r {
		if c < 0x0620 || c > 0x064A {
			return "", false
		}
	}
	if len(r) <= 4 && strings.ContainsRune("تينأا", r[0]) {
		return "", false
	}
	if strings.HasSuffix(k, "ه") || strings.HasSuffix(k, "ات") {
		return "", false
	}
	return k, true
}

// hasArticle reports an article at the start of k, after at most one of
// و ف ب ل (not ك: كالفور is more likely a name than ك + الفور).
func hasArticle(k string) bool {
	for _, p := range []string{"ال", "لل", "وال", "فال", "بال"} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// conjunct returns word i read as the second conjunct of "X وY": its start
// after the و, if the word starts with و and the rest is name-like.
func conjunct(t *fold.Text, i int) (start int, ok bool) {
	if i < 0 || i >= len(t.Words) {
		return 0, false
	}
	w := &t.Words[i]
	if !strings.HasPrefix(w.Key, "و") || fold.RuneLen(w.Key) < 4 {
		return 0, false
	}
	rest := strings.TrimPrefix(w.Key, "و")
	saved := w.Key
	w.Key = rest
	_, ok = nameLike(t, i)
	w.Key = saved
	return w.Offset(1), ok
}

// contextPlaces finds single-word names that the gazetteer does not know
// but their context shows to be places: after a head noun (قرية X، منطقة
// X), both conjuncts of a dual head noun (منطقتي X وY), and the
// conjuncts of "بين X وY" where the other conjunct is a place or the pair
// is located (بين X وY بولاية Z). placeAt reports the words already known
// as places; taken, the words other candidates cover.
func contextPlaces(t *fold.Text, placeAt map[int]bool, taken map[int]bool) []corpus.Span {
	found := map[int]int{} // word → span start
	free := func(i int) bool { return !taken[i] && !placeAt[i] }
	isPlace := func(i int) bool { _, ok := found[i]; return placeAt[i] || ok }
	located := func(i int) bool { // X بولاية …، X في ولاية …
		k := t.Words
		if i+1 >= len(k) {
			return false
		}
		if locators[k[i+1].Key] {
			return true
		}
		return i+2 < len(k) && k[i+1].Key == "في" && gazetteer.IsHeadNoun(k[i+2].Key)
	}
	for i := range t.Words {
		if !free(i) {
			continue
		}
		k := t.Words[i].Key
		if gazetteer.IsHeadNoun(k) && !dualHeads[k] && !pluralHeads[k] {
			if _, ok := nameLike(t, i+1); ok && free(i+1) {
				found[i+1] = t.Words[i+1].Start
			}
		}
		if rs := t.Words[i].Readings(); dualHeads[k] || len(rs) > 1 && dualHeads[rs[1].Key] {
			if _, ok := nameLike(t, i+1); ok || placeAt[i+1] {
				if s, ok2 := conjunct(t, i+2); ok2 || placeAt[i+2] {
					if ok && free(i+1) {
						found[i+1] = t.Words[i+1].Start
					}
					if ok2 && free(i+2) {
						found[i+2] = s
					}
				}
			}
		}
	}
	// بين X وY and every other mention of a name found, repeated until
	// nothing changes (a chain of pairs).
	for changed := true; changed; {
		changed = false
		names := map[string]bool{}
		for i := range found {
			names[strings.TrimPrefix(t.Words[i].Key, "و")] = true
			names[t.Words[i].Key] = true
		}
		for i := range t.Words {
			if _, ok := found[i]; ok || !free(i) {
				continue
			}
			if k := t.Words[i].Key; names[k] {
				if _, ok := nameLike(t, i); ok {
					found[i], changed = t.Words[i].Start, true
				}
			} else if s, ok := conjunct(t, i); ok && names[strings.TrimPrefix(k, "و")] {
				found[i], changed = s, true
			}
		}
		for i := range t.Words {
			if t.Words[i].Key != kBayn {
				continue
			}
			x, y := i+1, i+2
			_, xok := nameLike(t, x)
			ys, yok := conjunct(t, y)
			xp, yp := isPlace(x), isPlace(y)
			if !(xok || xp) || !(yok || yp) {
				continue
			}
			if xp || yp || located(y) {
				if xok && !xp && free(x) {
					found[x] = t.Words[x].Start
					changed = true
				}
				if yok && !yp && free(y) {
					found[y] = ys
					changed = true
				}
			}
		}
	}
	// A name in a list of places: P، X، P or P، X وP.
	comma := func(i int) bool {
		return i >= 0 && i < len(t.Words) && (t.Words[i].Key == "،" || t.Words[i].Key == ",")
	}
	for i := range t.Words {
		if _, ok := found[i]; ok || !free(i) {
			continue
		}
		if _, ok := nameLike(t, i); !ok || !comma(i-1) || !isPlace(i-2) {
			continue
		}
		_, conj := conjunct(t, i+1)
		if (comma(i+1) && isPlace(i+2)) || (isPlace(i+1) && conj) {
			found[i] = t.Words[i].Start
		}
	}
	var out []corpus.Span
	for i, s := range found {
		out = append(out, corpus.Span{Start: s, End: t.Words[i].End, Label: corpus.Place})
	}
	corpus.SortSpans(out)
	return out
}

// addContext adds the context source's places to a's candidates.
func (a *analysis) addContext() {
	placeAt := map[int]bool{}
	taken := map[int]bool{}
	for _, c := range a.cands {
		for wi := a.text.WordAt(c.span.Start); wi >= 0 && wi < len(a.text.Words) && a.text.Words[wi].Start < c.span.End; wi++ {
			if c.span.Label == corpus.Place {
				placeAt[wi] = true
			} else {
				taken[wi] = true
			}
		}
	}
	for _, s := range contextPlaces(a.text, placeAt, taken) {
		s.Attrs = map[string]string{}
		a.add(s, Context, Priority(Context, false))
	}
}
