//go:build !wasm

package browser

import (
	"errors"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The static bundle's generator compiles the page's code natively, never
// runs it: outside a browser these do nothing or fail.

var errNative = errors.New("only in a browser")

// WhenIdle returns at once outside a browser.
func WhenIdle(time.Duration) {}

// watch does nothing outside a browser.
func watch(app.Value, func()) {}

// Yield does nothing outside a browser.
func Yield() {}

// ReadBlob fails outside a browser.
func ReadBlob(app.Value) ([]byte, error) { return nil, errNative }

// FetchBlob fails outside a browser.
func FetchBlob(string) (app.Value, error) { return nil, errNative }
