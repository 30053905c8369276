// Package plan reads a work plan (工作计划, 工作要点, 实施办法) or a report of
// past work and proposes the duties it states: each clause that sets a
// frequency becomes a Candidate with a short title, a category, a cadence,
// a minimum per period and the source clause as its basis.
//
// It is a small grammar rather than a list of patterns: the text is cut into
// paragraphs, sentences and clauses (quotes and brackets protect what they
// hold), each clause is tokenised into numerals with their measure words,
// cadence words, requirement words, past-tense markers and distributive
// words, and the tokens decide what is a requirement. Simplified and
// Traditional script are matched through one folded copy of the text, so a
// title keeps the script it was written in. Everything runs in time linear
// in the text; nothing here does I/O besides decoding bytes.
package plan
