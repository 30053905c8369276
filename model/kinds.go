package model

import (
	"fmt"
	"strings"
)

// Kind names a refusal or a failure that the front ends phrase in their
// own words: the model and data layers say what happened and with what
// (the path, the year, the limit), never how to put it right, because the
// command line names its flags and commands and the terminal interface its
// keys. Each front end's catalogue holds a message named "Err"+Kind per
// language, taking the kind's arguments in order. An argument that is
// itself a Kind (the kind of a file, the name of a field) is phrased from
// the same catalogue; a []string is a list, joined as the language joins
// lists.
type Kind string

// The kinds, with the arguments each takes.
const (
	// Opening a ledger.
	KindNoLedger         Kind = "NoLedger"         // path
	KindLedgerIsDir      Kind = "LedgerIsDir"      // path
	KindLedgerNotRegular Kind = "LedgerNotRegular" // path, file kind
	KindLedgerEmpty      Kind = "LedgerEmpty"      // path
	KindNotSQLite        Kind = "NotSQLite"        // path
	KindOtherSQLite      Kind = "OtherSQLite"      // path
	KindBadSchema        Kind = "BadSchema"        // path, version
	KindNewerSchema      Kind = "NewerSchema"      // path, version, newest known
	KindReadOnlyWAL      Kind = "ReadOnlyWAL"      // path
	KindReadOnlyOld      Kind = "ReadOnlyOld"      // path
	KindFileReadOnly     Kind = "FileReadOnly"     // path
	KindDirReadOnly      Kind = "DirReadOnly"      // directory
	KindMoveAside        Kind = "MoveAside"        // path, reason, directory
	KindPathTooLong      Kind = "PathTooLong"      // path, bytes, most
	KindDamaged          Kind = "Damaged"          // path
	KindPlantedFile      Kind = "PlantedFile"      // path, file kind
	KindOtherOwner       Kind = "OtherOwner"       // path
	KindOthersRead       Kind = "OthersRead"       // path
	KindNewDirReadOnly   Kind = "NewDirReadOnly"   // directory
	KindNewNotDir        Kind = "NewNotDir"        // path
	KindNotLedger        Kind = "NotLedger"        // path

	// What SQLite and the file system say while a ledger is in use.
	KindForeignKey Kind = "ForeignKey" // path
	KindDiskFull   Kind = "DiskFull"   // directory
	KindBusy       Kind = "Busy"       // path
	KindReadOnly   Kind = "ReadOnly"   // path
	KindCannotOpen Kind = "CannotOpen" // path
	KindDirNoWrite Kind = "DirNoWrite" // directory, reason
	KindCannotRead Kind = "CannotRead" // path, reason
	KindNoSuchFile Kind = "NoSuchFile" // path
	KindNotAFile   Kind = "NotAFile"   // path, file kind, what was expected (a kind)
	KindExists     Kind = "Exists"     // path

	// Backups and restoring.
	KindBackupNotWritten Kind = "BackupNotWritten" // path
	KindNoDir            Kind = "NoDir"            // path, its directory
	KindDirNotWritable   Kind = "DirNotWritable"   // directory
	KindDestIsDir        Kind = "DestIsDir"        // path
	KindReplaceOnlyFiles Kind = "ReplaceOnlyFiles" // path, file kind
	KindBackupEmpty      Kind = "BackupEmpty"      // path
	KindNotABackup       Kind = "NotABackup"       // path
	KindRestoreReadOnly  Kind = "RestoreReadOnly"  // path
	KindBackupDamaged    Kind = "BackupDamaged"    // path
	KindBackupForeignKey Kind = "BackupForeignKey" // path

	// Duties, records and the profile.
	KindTitleEmpty     Kind = "TitleEmpty"     // —
	KindCategory       Kind = "Category"       // —
	KindYearRange      Kind = "YearRange"      // —
	KindCadence        Kind = "Cadence"        // —
	KindMin            Kind = "Min"            // —
	KindStartOutside   Kind = "StartOutside"   // —
	KindStartAfterLast Kind = "StartAfterLast" // year, last day
	KindDateMissing    Kind = "DateMissing"    // —
	KindDateFuture     Kind = "DateFuture"     // date
	KindDateYear       Kind = "DateYear"       // —
	KindRecordTextLong Kind = "RecordTextLong" // most
	KindRecordNoteLong Kind = "RecordNoteLong" // most
	KindProfileLong    Kind = "ProfileLong"    // most
	KindDutyUnnamed    Kind = "DutyUnnamed"    // —
	KindNoDutyID       Kind = "NoDutyID"       // id
	KindAmbiguous      Kind = "Ambiguous"      // what was typed, "id title" of each duty ([]string)
	KindAmbiguousMore  Kind = "AmbiguousMore"  // the same, of the first eight, and how many in all
	KindNoDutyTitle    Kind = "NoDutyTitle"    // what was typed
	KindRecordsAfter   Kind = "RecordsAfter"   // title, last record's date
	KindDutyChanged    Kind = "DutyChanged"    // —

	// Periods a record counts for, and excuses.
	KindForNoTarget    Kind = "ForNoTarget"    // year, period (its label)
	KindForCadence     Kind = "ForCadence"     // period, year, cadence, an example period
	KindNoSuchPeriod   Kind = "NoSuchPeriod"   // period as written
	KindForNotEnded    Kind = "ForNotEnded"    // period, the record's date
	KindForTooOld      Kind = "ForTooOld"      // period, its end, most days
	KindExcuseReason   Kind = "ExcuseReason"   // —
	KindExcuseMet      Kind = "ExcuseMet"      // period, count, min
	KindNotRequired    Kind = "NotRequired"    // period
	KindNoPeriodOfDuty Kind = "NoPeriodOfDuty" // period, year, cadence, an example period
	KindExcuseNoTarget Kind = "ExcuseNoTarget" // title, year
	KindNotExcused     Kind = "NotExcused"     // title, period
	KindExcuseChanged  Kind = "ExcuseChanged"  // —
	KindPeriodUnknown  Kind = "PeriodUnknown"  // what was typed
	KindPeriodMissing  Kind = "PeriodMissing"  // what was typed, year, how many, the unit

	// A field too long, and the fields so named.
	KindTooLong          Kind = "TooLong" // field (a kind), most
	KindFieldTitle       Kind = "FieldTitle"
	KindFieldBasis       Kind = "FieldBasis"
	KindFieldEvidence    Kind = "FieldEvidence"
	KindFieldDescription Kind = "FieldDescription"
	KindFieldPaper       Kind = "FieldPaper"
	KindFieldReason      Kind = "FieldReason"

	// Evidence and records.
	KindPaperEmpty         Kind = "PaperEmpty"         // —
	KindTooLarge           Kind = "TooLarge"           // name, size
	KindEvidenceIsDir      Kind = "EvidenceIsDir"      // path
	KindEvidenceNotRegular Kind = "EvidenceNotRegular" // path
	KindEvidenceUnreadable Kind = "EvidenceUnreadable" // path
	KindPaperTwice         Kind = "PaperTwice"         // the locator
	KindSameContent        Kind = "SameContent"        // name, the name it has already
	KindNoEvidenceID       Kind = "NoEvidenceID"       // id
	KindPaperNoFile        Kind = "PaperNoFile"        // id, the locator
	KindArchivedOn         Kind = "ArchivedOn"         // title, day
	KindNoTargetIn         Kind = "NoTargetIn"         // title, year
	KindNoRecordID         Kind = "NoRecordID"         // id
	KindRecordChanged      Kind = "RecordChanged"      // —
	KindRecordUndoChanged  Kind = "RecordUndoChanged"  // —
	KindRestoredSince      Kind = "RestoredSince"      // —: an undo after a restore
	KindProfileChanged     Kind = "ProfileChanged"     // —

	// Exports, and the rest.
	KindExportFormat   Kind = "ExportFormat"   // —
	KindAllJSONOnly    Kind = "AllJSONOnly"    // —
	KindExportYear     Kind = "ExportYear"     // year
	KindExportLayout   Kind = "ExportLayout"   // —
	KindReportFormats  Kind = "ReportFormats"  // —
	KindExportIsDir    Kind = "ExportIsDir"    // path
	KindBinaryOut      Kind = "BinaryOut"      // format: docx, xlsx or zip asked onto standard output
	KindZipExists      Kind = "ZipExists"      // path
	KindStrict         Kind = "Strict"         // how many findings
	KindDuplicateTitle Kind = "DuplicateTitle" // title, id
	KindLedgerNotEmpty Kind = "LedgerNotEmpty" // —

	// A plan file that cannot be read as a plan.
	KindPlanTextTooBig     Kind = "PlanTextTooBig"
	KindPlanRTF            Kind = "PlanRTF"
	KindPlanPDF            Kind = "PlanPDF"
	KindPlanUTF16          Kind = "PlanUTF16"
	KindPlanEncoding       Kind = "PlanEncoding"
	KindPlanBinary         Kind = "PlanBinary"
	KindDocxTooBig         Kind = "DocxTooBig"
	KindDocxDamaged        Kind = "DocxDamaged"
	KindDocxNotWord        Kind = "DocxNotWord"
	KindDocxPassword       Kind = "DocxPassword"
	KindDocxUnpacksTooMuch Kind = "DocxUnpacksTooMuch"
	KindDocxTextTooBig     Kind = "DocxTextTooBig"
	KindDocxOldDoc         Kind = "DocxOldDoc"

	// Importing a JSON export.
	KindImportSameTitle Kind = "ImportSameTitle" // title
	KindImportBadFor    Kind = "ImportBadFor"    // period as written
	KindImportBadExcuse Kind = "ImportBadExcuse" // title
	KindImportCategory  Kind = "ImportCategory"  // title, the file's category, the ledger's
	KindImportTarget    Kind = "ImportTarget"    // title, year, the file's target, the ledger's

	// A JSON file import refuses as a whole.
	KindImportTooBig       Kind = "ImportTooBig"
	KindImportNotUTF8      Kind = "ImportNotUTF8"
	KindImportNotOurs      Kind = "ImportNotOurs"
	KindImportVersion      Kind = "ImportVersion"
	KindImportNewer        Kind = "ImportNewer"
	KindImportTrailing     Kind = "ImportTrailing"
	KindImportExportedAt   Kind = "ImportExportedAt"
	KindImportYear         Kind = "ImportYear"
	KindImportSyntax       Kind = "ImportSyntax"
	KindImportFieldType    Kind = "ImportFieldType"
	KindImportEmpty        Kind = "ImportEmpty"
	KindImportProfileStart Kind = "ImportProfileStart"
	KindImportTwoDuties    Kind = "ImportTwoDuties"
	KindImportOther        Kind = "ImportOther"

	// The roster of people, and names in a record.
	KindNameAmbiguous    Kind = "NameAmbiguous"
	KindNotOnRoster      Kind = "NotOnRoster"
	KindNameEmpty        Kind = "NameEmpty"
	KindFieldName        Kind = "FieldName"
	KindFieldNote        Kind = "FieldNote"
	KindFieldGroup       Kind = "FieldGroup"
	KindNameSeparators   Kind = "NameSeparators"
	KindNameTaken        Kind = "NameTaken"
	KindNameTakenNoNote  Kind = "NameTakenNoNote"
	KindNameNeedsNote    Kind = "NameNeedsNote"
	KindNameNoteTaken    Kind = "NameNoteTaken"
	KindNameBracket      Kind = "NameBracket"
	KindDutyHasRecords   Kind = "DutyHasRecords"
	KindNameSpace        Kind = "NameSpace"
	KindGroupEmpty       Kind = "GroupEmpty"
	KindNotAMember       Kind = "NotAMember"
	KindLeaveEarly       Kind = "LeaveEarly"
	KindNoGroupFor       Kind = "NoGroupFor"
	KindEachCadence      Kind = "EachCadence"
	KindNameTwice        Kind = "NameTwice"
	KindNoNames          Kind = "NoNames"
	KindStillMember      Kind = "StillMember"
	KindRosterChanged    Kind = "RosterChanged"
	KindPersonChanged    Kind = "PersonChanged"
	KindImportMembership Kind = "ImportMembership"
	KindImportPersonDate Kind = "ImportPersonDate"

	// Findings of the check before an export that say how to put them
	// right.
	KindWarnEmptyGroup Kind = "WarnEmptyGroup" // title, group
	KindWarnNoEvidence Kind = "WarnNoEvidence" // date, title, the evidence expected, record id

	// A place in a JSON file that an import refuses, said after the lead
	// that names the place (第1个事项（“…”）：第2条记录 / duty 1 ("…"): record 2).
	KindImportBadCategory    Kind = "ImportBadCategory"
	KindImportArchiveDate    Kind = "ImportArchiveDate"
	KindImportCadence        Kind = "ImportCadence"
	KindImportStart          Kind = "ImportStart"
	KindImportTargetTwice    Kind = "ImportTargetTwice"
	KindImportRecordDate     Kind = "ImportRecordDate"
	KindImportRecordTime     Kind = "ImportRecordTime"
	KindImportRecordFor      Kind = "ImportRecordFor"
	KindImportExcusePeriod   Kind = "ImportExcusePeriod"
	KindImportExcuseNoReason Kind = "ImportExcuseNoReason"
	KindImportExcuseTwice    Kind = "ImportExcuseTwice"
	KindImportItemTime       Kind = "ImportItemTime"
	KindImportItemBoth       Kind = "ImportItemBoth"
	KindImportItemNeither    Kind = "ImportItemNeither"
	KindImportItemTooLarge   Kind = "ImportItemTooLarge"
	KindImportItemSize       Kind = "ImportItemSize"
	KindImportItemHash       Kind = "ImportItemHash"

	// The kinds of a file that is not a regular one, and what was expected.
	KindFileDir         Kind = "FileDir"
	KindFilePipe        Kind = "FilePipe"
	KindFileSocket      Kind = "FileSocket"
	KindFileCharDevice  Kind = "FileCharDevice"
	KindFileBlockDevice Kind = "FileBlockDevice"
	KindFileSymlink     Kind = "FileSymlink"
	KindFileRegular     Kind = "FileRegular"
	KindFileSpecial     Kind = "FileSpecial"
	KindFileBackup      Kind = "FileBackup"
	KindFileExport      Kind = "FileExport"
)

// Kinds lists every kind with the number of arguments it takes, for the
// front ends' tests: each catalogue must phrase each one.
var Kinds = map[Kind]int{
	KindNoLedger: 1, KindLedgerIsDir: 1, KindLedgerNotRegular: 2, KindLedgerEmpty: 1, KindNotSQLite: 1,
	KindOtherSQLite: 1, KindBadSchema: 2, KindNewerSchema: 3, KindReadOnlyWAL: 1, KindReadOnlyOld: 1,
	KindFileReadOnly: 1, KindDirReadOnly: 1, KindMoveAside: 3, KindPathTooLong: 3, KindDamaged: 1,
	KindPlantedFile: 2, KindOtherOwner: 1, KindOthersRead: 1, KindNewDirReadOnly: 1, KindNewNotDir: 1, KindNotLedger: 1,
	KindForeignKey: 1, KindDiskFull: 1, KindBusy: 1, KindReadOnly: 1, KindCannotOpen: 1, KindDirNoWrite: 2,
	KindCannotRead: 2, KindNoSuchFile: 1, KindNotAFile: 3, KindExists: 1,
	KindBackupNotWritten: 1, KindNoDir: 2, KindDirNotWritable: 1, KindDestIsDir: 1, KindReplaceOnlyFiles: 2,
	KindBackupEmpty: 1, KindNotABackup: 1, KindRestoreReadOnly: 1, KindBackupDamaged: 1, KindBackupForeignKey: 1,
	KindTitleEmpty: 0, KindCategory: 0, KindYearRange: 0, KindCadence: 0, KindMin: 0, KindStartOutside: 0,
	KindStartAfterLast: 2, KindDateMissing: 0, KindDateFuture: 1, KindDateYear: 0, KindRecordTextLong: 1,
	KindRecordNoteLong: 1, KindProfileLong: 1, KindDutyUnnamed: 0, KindNoDutyID: 1, KindNoDutyTitle: 1,
	KindRecordsAfter: 2, KindDutyChanged: 0,
	KindForNoTarget: 2, KindForCadence: 4, KindNoSuchPeriod: 1, KindForNotEnded: 2, KindForTooOld: 3, KindExcuseReason: 0,
	KindExcuseMet: 3, KindNotRequired: 1, KindNoPeriodOfDuty: 4, KindExcuseNoTarget: 2, KindNotExcused: 2, KindExcuseChanged: 0,
	KindPeriodUnknown: 1, KindPeriodMissing: 4, KindTooLong: 2, KindFieldTitle: 0, KindFieldBasis: 0, KindFieldEvidence: 0,
	KindFieldDescription: 0, KindFieldPaper: 0, KindFieldReason: 0, KindPaperEmpty: 0, KindTooLarge: 2, KindEvidenceIsDir: 1,
	KindEvidenceNotRegular: 1, KindEvidenceUnreadable: 1, KindPaperTwice: 1, KindSameContent: 2, KindNoEvidenceID: 1,
	KindPaperNoFile: 2, KindArchivedOn: 2, KindNoTargetIn: 2, KindNoRecordID: 1, KindRecordChanged: 0, KindRecordUndoChanged: 0, KindRestoredSince: 0, KindProfileChanged: 0,
	KindExportFormat: 0, KindAllJSONOnly: 0, KindExportYear: 1, KindExportLayout: 0, KindReportFormats: 0, KindExportIsDir: 1, KindBinaryOut: 1,
	KindZipExists: 1, KindStrict: 1, KindDuplicateTitle: 2, KindLedgerNotEmpty: 0,
	KindPlanTextTooBig: 0, KindPlanRTF: 0, KindPlanPDF: 0, KindPlanUTF16: 0, KindPlanEncoding: 0, KindPlanBinary: 0, KindDocxTooBig: 0, KindDocxDamaged: 0, KindDocxNotWord: 0, KindDocxPassword: 0, KindDocxUnpacksTooMuch: 0, KindDocxTextTooBig: 0, KindDocxOldDoc: 0,
	KindImportSameTitle: 1, KindImportBadFor: 1, KindImportBadExcuse: 1, KindImportCategory: 3, KindImportTarget: 4,
	KindAmbiguous: 2, KindAmbiguousMore: 3,
	KindImportTooBig: 0, KindImportNotUTF8: 0, KindImportNotOurs: 1, KindImportVersion: 0, KindImportNewer: 2, KindImportTrailing: 0, KindImportExportedAt: 1, KindImportYear: 1, KindImportSyntax: 1, KindImportFieldType: 3, KindImportEmpty: 0, KindImportProfileStart: 1, KindImportTwoDuties: 3, KindImportOther: 1,
	KindNameAmbiguous: 3, KindNotOnRoster: 1, KindNameEmpty: 0, KindFieldName: 0, KindFieldNote: 0, KindFieldGroup: 0, KindNameSeparators: 0, KindNameTaken: 2, KindNameTakenNoNote: 1, KindNameNeedsNote: 2, KindNameNoteTaken: 1, KindNameBracket: 2, KindDutyHasRecords: 2, KindNameSpace: 1, KindGroupEmpty: 0, KindNotAMember: 2, KindLeaveEarly: 4, KindNoGroupFor: 1, KindEachCadence: 0, KindNameTwice: 2, KindNoNames: 0, KindStillMember: 2, KindRosterChanged: 0, KindPersonChanged: 0, KindImportMembership: 1, KindImportPersonDate: 3,
	KindWarnEmptyGroup: 2, KindWarnNoEvidence: 4,
	KindImportBadCategory: 1, KindImportArchiveDate: 1, KindImportCadence: 2, KindImportStart: 2, KindImportTargetTwice: 1, KindImportRecordDate: 1, KindImportRecordTime: 2, KindImportRecordFor: 1, KindImportExcusePeriod: 2, KindImportExcuseNoReason: 1, KindImportExcuseTwice: 1, KindImportItemTime: 1, KindImportItemBoth: 0, KindImportItemNeither: 0, KindImportItemTooLarge: 0, KindImportItemSize: 2, KindImportItemHash: 0,
	KindFileDir: 0, KindFilePipe: 0, KindFileSocket: 0, KindFileCharDevice: 0, KindFileBlockDevice: 0,
	KindFileSymlink: 0, KindFileRegular: 0, KindFileSpecial: 0, KindFileBackup: 0, KindFileExport: 0,
}

// Refuse makes an InputError of a kind, with its arguments; cause is the
// sentinel or typed error callers tell the case apart by, or nil.
func Refuse(cause error, kind Kind, args ...any) *InputError {
	return &InputError{Kind: kind, Args: args, Err: cause}
}

// RefuseField is Refuse about one input, so a form can show it under that
// field.
func RefuseField(field string, cause error, kind Kind, args ...any) *InputError {
	return &InputError{Kind: kind, Args: args, Err: cause, Field: field}
}

// Fail makes a Failure of a kind, with its arguments and its cause.
func Fail(cause error, kind Kind, args ...any) *Failure {
	return &Failure{Kind: kind, Args: args, Err: cause}
}

// Describe is a kind and its arguments as a log line, for a message of a
// kind that is not an error (a finding of the export's check).
func Describe(kind Kind, args []any) string { return describe(kind, args) }

// describe is a kind and its arguments as a log line, for Error(): the
// words a person reads come from a front end's catalogue.
func describe(kind Kind, args []any) string {
	var b strings.Builder
	b.WriteString(string(kind))
	for i, a := range args {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString(", ")
		}
		fmt.Fprint(&b, a)
	}
	return b.String()
}
