package browser

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Languages returns the browser's preferred languages, most preferred
// first (navigator.languages).
func Languages() []string {
	nav := app.Window().Get("navigator")
	if !nav.Truthy() {
		return nil
	}
	var out []string
	if langs := nav.Get("languages"); langs.Truthy() {
		for i := range langs.Length() {
			out = append(out, langs.Index(i).String())
		}
	}
	if len(out) == 0 && nav.Get("language").Truthy() {
		out = append(out, nav.Get("language").String())
	}
	return out
}

// SetPageLanguage sets the page's language and direction on its root
// element (<html lang dir>), which the whole layout follows.
func SetPageLanguage(lang, dir string) {
	root := app.Window().Get("document").Get("documentElement")
	if !root.Truthy() {
		return
	}
	root.Call("setAttribute", "lang", lang)
	root.Call("setAttribute", "dir", dir)
}
