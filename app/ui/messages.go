package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/locale"
)

// The actions Messages handles. Whatever has something to tell the user,
// a component or the shell's background work, posts it as an action: the
// messages shown are Messages' own state, and it is their one writer.
const (
	actMessage   = "raqim/message"    // value: the Message to show
	actUndoTaken = "raqim/undo-taken" // a deletion was undone: its offer goes
)

// Message is a notice shown to the user.
type Message struct {
	ID     int
	Kind   string // "error", "warn" or "info"
	Text   string
	Sticky bool              // stays until dismissed (errors always do)
	Action string            // the label of a button the message offers, if any
	Do     func(app.Context) // what the button does
	Undoes bool              // the button undoes a deletion
	Lang   locale.Lang       // the language Text is in: the interface's when it was shown
}

// notify posts m to Messages, which shows it.
func notify(ctx app.Context, m Message) { ctx.NewActionWithValue(actMessage, m) }

// fades reports whether m goes by itself: errors and sticky messages stay.
func (m Message) fades() bool { return m.Kind != "error" && !m.Sticky }

// trimMessages keeps at most 8 messages that fade and 100 in all, dropping
// the oldest that fade first: an error stays until dismissed, so that no
// file refused goes unsaid however many are given at once.
func trimMessages(msgs []Message) []Message {
	fading := 0
	for _, m := range msgs {
		if m.fades() {
			fading++
		}
	}
	drop := max(fading-8, 0)
	extra := max(len(msgs)-drop-100, 0)
	out := make([]Message, 0, len(msgs)-drop-extra)
	for _, m := range msgs {
		switch {
		case m.fades() && drop > 0:
			drop--
		case extra > 0:
			extra--
		default:
			out = append(out, m)
		}
	}
	return out
}

// Messages shows the notices posted to it (actMessage), each with a button
// that dismisses it and, where the message offers one, a button that acts.
// Errors and sticky messages stay until dismissed; others fade after a
// while.
type Messages struct {
	app.Compo
	Loc locale.Settings // the language its words are written in

	msgs []Message
	seq  int
}

// OnMount starts taking the messages posted.
func (c *Messages) OnMount(ctx app.Context) {
	ctx.Handle(actMessage, c.onMessage)
	ctx.Handle(actUndoTaken, c.onUndoTaken)
}

// onMessage shows the message posted.
func (c *Messages) onMessage(ctx app.Context, a app.Action) {
	m, ok := a.Value.(Message)
	if !ok {
		return
	}
	c.seq++
	m.ID = c.seq
	if m.Lang == "" {
		m.Lang = c.Loc.Lang
	}
	c.msgs = trimMessages(append(c.msgs, m))
	if m.fades() {
		ctx.After(8*time.Second, func(app.Context) { c.dismiss(m.ID) })
	}
}

// onUndoTaken removes the offer to undo a deletion, which was taken.
func (c *Messages) onUndoTaken(ctx app.Context, a app.Action) {
	for _, m := range c.msgs {
		if m.Undoes {
			c.dismiss(m.ID)
			break
		}
	}
}

// dismiss removes a message.
func (c *Messages) dismiss(id int) {
	msgs := make([]Message, 0, len(c.msgs))
	for _, m := range c.msgs {
		if m.ID != id {
			msgs = append(msgs, m)
		}
	}
	c.msgs = msgs
}

// Render draws the messages, oldest first.
func (c *Messages) Render() app.UI {
	p := locale.New(c.Loc)
	return app.Div().Class("messages").Attr("role", "status").Attr("aria-live", "polite").Body(
		app.Range(c.msgs).Slice(func(i int) app.UI {
			m := c.msgs[i]
			role := "none"
			if m.Kind == "error" {
				role = "alert" // said at once; the others as the region's updates
			}
			return app.Div().Class("msg "+m.Kind).DataSet("testid", "message").DataSet("kind", m.Kind).Attr("role", role).Body(
				app.Span().Lang(string(m.Lang)).Dir(m.Lang.Dir()).Text(m.Text),
				app.If(m.Action != "", func() app.UI {
					return app.Button().Class("action").DataSet("testid", "message-action").Text(m.Action).
						OnClick(func(ctx app.Context, e app.Event) { m.Do(ctx) }, app.EventScope(m.ID))
				}),
				app.Button().Class("close").Title(p.T("Dismiss")).Attr("aria-label", p.T("Dismiss")).Text("×").
					OnClick(func(ctx app.Context, e app.Event) { c.dismiss(m.ID) }, app.EventScope(m.ID)),
			)
		}),
	)
}
