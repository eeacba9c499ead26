package locale

// What the tests of package locale_test read of the catalog.
var (
	Keys     = keys
	ArabicOf = arabicOf
	PluralOf = pluralOf
	Verbs    = verbsOf
)
