// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchKit
import Testing

/// The frozen look-up table (keys apart from entries, equal entries stored once) must answer every
/// word exactly as the table it was built from: a wrong or shared-by-mistake entry would change labels.
@Test func frozenLookupAnswersEveryEntryAsTheTableHoldsIt() {
    let book = RuleBook.standard
    var wrong: [UInt64] = []
    for (key, entry) in book.table {
        guard let found = book.lookup(key) else {
            wrong.append(key)
            continue
        }
        let start = Int(found.phraseStart)
        let phrases = found.phraseCount == 0 ? [] : Array(book.phraseIndex[start..<(start + Int(found.phraseCount))])
        if found.en.bitPattern != entry.en.bitPattern || found.de.bitPattern != entry.de.bitPattern
            || found.cues != entry.cues || phrases != entry.phrases
        {
            wrong.append(key)
        }
    }
    #expect(book.table.count > 10_000)
    #expect(wrong.isEmpty, "\(wrong.count) entries differ")
    #expect(book.lookup(TextHash.raw("qxzvwbnmk")) == nil)
}
