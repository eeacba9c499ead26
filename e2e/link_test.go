package e2e

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestOpenLinkStaysOnSite gives ?open= links that point at another site,
// written as a browser reads them but a URL parser may not: "/\host/x"
// (the browser fetches //host/x) and the opaque "https:host/x". Each is
// refused with a message, nothing is imported, and the other site is never
// contacted. A same-site link still opens.
func TestOpenLinkStaysOnSite(t *testing.T) {
	var contacted atomic.Int32
	count := func(c net.Conn, s http.ConnState) {
		if s == http.StateNew {
			contacted.Add(1)
		}
	}
	planted := `{"id": "planted", "text": "وثيقة مزروعة في كاي", "spans": [{"start": 16, "end": 19, "label": "PLACE"}], "meta": {"title": "planted", "status": "done"}}` + "\n"
	other := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Write([]byte(planted))
	}))
	other.Config.ConnState = count
	other.Start()
	defer other.Close()
	otherTLS := httptest.NewUnstartedServer(other.Config.Handler)
	otherTLS.Config.ConnState = count
	otherTLS.TLS = &tls.Config{}
	otherTLS.StartTLS()
	defer otherTLS.Close()
	host := strings.TrimPrefix(other.URL, "http://")
	hostTLS := strings.TrimPrefix(otherTLS.URL, "https://")

	dir := t.TempDir()
	writeDocs(t, dir, "own.jsonl", "own")
	srv := serveMounts(t, dist, "/", "", map[string]string{"/data/": dir})
	ctx, _ := newBrowser(t)
	run(t, ctx, "open app", chromedp.Navigate(srv.URL))
	waitJS(t, ctx, "the sample corpus", `document.querySelectorAll('[data-testid=doc]').length >= 6`)
	for _, link := range []string{`/\` + host + `/x.jsonl`, `https:` + hostTLS + `/x.jsonl`, `//` + host + `/x.jsonl`, `http://` + host + `/x.jsonl`} {
		run(t, ctx, "open "+link, chromedp.Navigate(srv.URL+"?open="+url.QueryEscape(link)))
		waitJS(t, ctx, "the refusal of "+link, `[...document.querySelectorAll('[data-testid=message][data-kind=error]')].some(m => m.textContent.includes('only a file on this site'))`)
		time.Sleep(300 * time.Millisecond)
		if listedNow(t, ctx, "planted") {
			t.Errorf("%s: a document of another site was imported", link)
		}
	}
	if n := contacted.Load(); n != 0 {
		t.Errorf("the other site was contacted %d times", n)
	}
	run(t, ctx, "open a file of the site", chromedp.Navigate(srv.URL+"?open="+url.QueryEscape("/data/own.jsonl")))
	waitJS(t, ctx, "the file of the site", listed("own"))
}

// listedNow reports whether a document of that title is listed.
func listedNow(t *testing.T, ctx context.Context, title string) bool {
	var ok bool
	eval(t, ctx, listed(title), &ok)
	return ok
}

// TestOpenLinkReloadKeepsView opens a link's file of two documents, moves to
// the second and reloads: once the file is stored, ?open= has left the
// address, so the reload shows the second document again, from storage,
// instead of importing the file again and going back to its first.
func TestOpenLinkReloadKeepsView(t *testing.T) {
	dir := t.TempDir()
	writeDocs(t, dir, "pair.jsonl", "first", "second")
	srv := serveMounts(t, dist, "/", "", map[string]string{"/data/": dir})
	ctx, _ := newBrowser(t)
	run(t, ctx, "open the link", chromedp.Navigate(srv.URL+"?open="+url.QueryEscape("/data/pair.jsonl")))
	waitJS(t, ctx, "its first document", `document.querySelector('.doc-head h1')?.textContent === 'first'`)
	waitSaved(t, ctx)
	waitJS(t, ctx, "?open= gone from the address", `location.search === ''`)
	openDoc(t, ctx, "second")
	waitSaved(t, ctx)
	// A document is opened again on load only once it was drawn whole (one
	// whose opening a reload cut short is not: see TestFailedOpenIsNotRepeated).
	waitJS(t, ctx, "the second document drawn", `localStorage.getItem('raqim.opening') === null`)
	run(t, ctx, "reload", chromedp.Reload())
	waitJS(t, ctx, "the second document after the reload", `document.querySelector('.doc-head h1')?.textContent === 'second' && !!document.querySelector('[data-testid=document]')`)
	var docs int
	eval(t, ctx, `document.querySelectorAll('[data-testid=doc]').length`, &docs)
	if docs != 2 { // a first visit by a link stores no sample corpus
		t.Errorf("%d documents listed after the reload, want the link's 2", docs)
	}
}
