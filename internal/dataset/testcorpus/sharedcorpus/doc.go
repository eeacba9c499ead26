// Package sharedcorpus finds the files of the shared corpus, the folder
// ../shared beside the repository (or $RAQIM_SHARED), for the tests built
// with the tag "shared": only those may read it, so its API exists only
// under that tag. A missing folder or file fails the test; it never skips.
//
// It imports nothing of raqim, so that the tests of any package, jsonl and
// tokenize included (which testcorpus imports), can use it.
package sharedcorpus
