package reform

import "reflect"

// StudyDocTypes returns the document types of a study's reforms and
// options, for the test that checks docs/study-format.md documents them.
func StudyDocTypes() []reflect.Type {
	return []reflect.Type{reflect.TypeFor[reformDoc](), reflect.TypeFor[optionsDoc]()}
}
