//go:build wasm

package webapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"syscall/js"
)

// Reading many records one by one costs a few syscall/js crossings each,
// at microseconds a crossing: reading 200 documents' layers took thousands.
// These read a whole array of records in two crossings.

var (
	arrayJoin   = js.Global().Get("Array").Get("prototype").Get("join")
	arrayEach   = js.Global().Get("Array").Get("prototype").Get("forEach")
	jsonOf      = js.Global().Get("JSON").Get("stringify")
	stringsOnly = js.Global().Get("Function").Get("prototype").Get("call").Call("bind", stringMethod("valueOf")) // throws on what is not a string
)

// readStrings returns the elements of arr, a JS array of strings none of
// which holds a NUL (our records are JSON, which escapes it); it fails if
// one is not a string or holds a NUL. The strings share one Go string's
// memory.
func readStrings(arr js.Value) (out []string, err error) {
	n := arr.Length()
	if n == 0 {
		return nil, nil
	}
	func() {
		defer func() {
			if r := recover(); r != nil {
				err = errors.New("a record is not a string")
			}
		}()
		arrayEach.Call("call", arr, stringsOnly)
	}()
	if err != nil {
		return nil, err
	}
	out = strings.SplitN(arrayJoin.Call("call", arr, "\x00").String(), "\x00", n)
	if len(out) != n || strings.IndexByte(out[n-1], 0) >= 0 {
		return nil, errors.New("a record holds a NUL character")
	}
	return out, nil
}

// readKeys decodes arr, a JS array of keys, into keys (a slice of strings
// for string keys, of [2]string for [document, name] keys).
func readKeys(arr js.Value, keys any) error {
	if err := json.Unmarshal([]byte(jsonOf.Invoke(arr).String()), keys); err != nil {
		return fmt.Errorf("the stored keys are not as written: %v", err)
	}
	return nil
}
