// Package model is taizhang's domain in plain Go: duties, yearly targets,
// records, the periods of a year and what a record counts for (所属期间,
// excuses), period states, duty statuses and the year figures, the roster
// and who a per-person duty has covered, records' evidence, the year-end
// summary, the built-in duty templates, the words used to describe them in
// Chinese and English, and the one sanitiser every piece of user text passes
// through. It knows nothing of SQL, terminals or files.
package model
