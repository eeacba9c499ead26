package browser

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Channel carries messages between the app's tabs of one origin (a
// BroadcastChannel); a browser without one carries nothing.
type Channel struct {
	bc app.Value
	fn app.Func
}

// NewChannel joins the channel name; onMessage runs in a JS callback for
// each message another tab posts, so it must only hand work on.
func NewChannel(name string, onMessage func(data string)) *Channel {
	w := app.Window()
	if !w.Get("BroadcastChannel").Truthy() {
		return &Channel{}
	}
	c := &Channel{bc: w.Get("BroadcastChannel").New(name)}
	c.fn = app.FuncOf(func(this app.Value, args []app.Value) any {
		if d := args[0].Get("data"); d.Type() == app.TypeString {
			onMessage(d.String())
		}
		return nil
	})
	c.bc.Set("onmessage", c.fn)
	return c
}

// Post sends data to the other tabs.
func (c *Channel) Post(data string) {
	if c != nil && c.bc != nil {
		c.bc.Call("postMessage", data)
	}
}

// Close leaves the channel.
func (c *Channel) Close() {
	if c != nil && c.bc != nil {
		c.bc.Call("close")
		c.fn.Release()
	}
}
