//go:build wasm

package webapi

import (
	"fmt"
	"syscall/js"
)

// Model returns the model record name, or nil when none is stored.
func (d *IDB) Model(name string) ([]byte, error) {
	t, err := d.begin("readonly", fmt.Sprintf("reading the stored %s", name))
	if err != nil {
		return nil, err
	}
	req := t.store(storeModels).Call("get", name)
	if err := t.wait(); err != nil {
		return nil, err
	}
	v := req.Get("result")
	if v.IsUndefined() || v.IsNull() {
		return nil, nil
	}
	if !v.InstanceOf(js.Global().Get("Uint8Array")) {
		return nil, fmt.Errorf("the stored %s is damaged: not bytes", name)
	}
	data := make([]byte, v.Length())
	js.CopyBytesToGo(data, v)
	return data, nil
}

// PutModel stores data as the model record name, replacing any.
func (d *IDB) PutModel(name string, data []byte) error {
	t, err := d.begin("readwrite", fmt.Sprintf("storing the %s", name))
	if err != nil {
		return err
	}
	t.guard(func() {
		u8 := js.Global().Get("Uint8Array").New(len(data))
		js.CopyBytesToJS(u8, data)
		t.store(storeModels).Call("put", u8, name)
	})
	return t.wait()
}
