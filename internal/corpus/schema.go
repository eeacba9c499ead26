package corpus

// LabelDef describes one label of a schema: how it is shown and chosen.
type LabelDef struct {
	Name    Label  `json:"name"`
	Arabic  string `json:"arabic"`
	English string `json:"english"`
	// Color is a CSS colour for the label's highlight.
	Color string `json:"color"`
	// Key is the KeyboardEvent.code that applies the label, such as "Digit1".
	Key string `json:"key"`
	// DefinitionAr and DefinitionEn say what the label marks.
	DefinitionAr string `json:"definition_ar"`
	DefinitionEn string `json:"definition_en"`
}

// Schema is an ordered set of labels. The order is the ClassLabel order of
// exports and the order of the palette.
type Schema struct {
	ID     string     `json:"id"`
	Labels []LabelDef `json:"labels"`
}

// Has reports whether the schema defines l.
func (s *Schema) Has(l Label) bool {
	_, ok := s.Def(l)
	return ok
}

// Def returns the definition of l.
func (s *Schema) Def(l Label) (LabelDef, bool) {
	for _, d := range s.Labels {
		if d.Name == l {
			return d, true
		}
	}
	return LabelDef{}, false
}

// Names returns the label names in schema order.
func (s *Schema) Names() []Label {
	out := make([]Label, len(s.Labels))
	for i, d := range s.Labels {
		out[i] = d.Name
	}
	return out
}

// ByKey returns the label bound to a KeyboardEvent.code. The empty code
// (sent by many virtual keyboards and during IME composition) matches no
// label, even one without a key.
func (s *Schema) ByKey(code string) (Label, bool) {
	if code == "" {
		return "", false
	}
	for _, d := range s.Labels {
		if d.Key == code {
			return d.Name, true
		}
	}
	return "", false
}

// The labels of the default schema.
const (
	Actor    Label = "ACTOR"
	Place    Label = "PLACE"
	Date     Label = "DATE"
	Casualty Label = "CASUALTY"
)

// Default is the schema of the annotation guidelines for Arabic conflict
// reporting: ACTOR, PLACE, DATE and CASUALTY on keys 1 to 4.
var Default = &Schema{
	ID: "conflict-ar-v1",
	Labels: []LabelDef{
		{
			Name: Actor, Arabic: "فاعل", English: "Actor", Color: "#f4a261", Key: "Digit1",
			DefinitionAr: "جماعة أو قوة أو منظمة أو دولة أو شخص مسمّى يشارك في حدث أو يتبناه أو يُستهدف به.",
			DefinitionEn: "A group, force, organisation, state or named person that takes part in, claims, or is targeted by an event.",
		},
		{
			Name: Place, Arabic: "مكان", English: "Place", Color: "#8ecae6", Key: "Digit2",
			DefinitionAr: "موقع جغرافي مسمّى: دولة أو إقليم أو مدينة أو بلدة أو قرية أو منطقة مسمّاة.",
			DefinitionEn: "A named geographic location: country, region, city, town, village, named area.",
		},
		{
			Name: Date, Arabic: "تاريخ", English: "Date", Color: "#b5e48c", Key: "Digit3",
			DefinitionAr: "تعبير يحدد متى وقع الحدث: تاريخ أو يوم من الأسبوع أو يوم نسبي، مع كلمة وقت اليوم.",
			DefinitionEn: "An expression that says when an event happened: a calendar date, a weekday, a relative day, with its time-of-day word.",
		},
		{
			Name: Casualty, Arabic: "خسائر بشرية", English: "Casualty", Color: "#f28482", Key: "Digit4",
			DefinitionAr: "خبر عن قتلى أو جرحى أو أسرى أو مختطفين أو «محيَّدين»: كلمة الحدث والعدد واسم الضحايا.",
			DefinitionEn: "A report of people killed, wounded, captured, kidnapped or neutralised: the trigger word, the count, and the victims' head noun.",
		},
	},
}
