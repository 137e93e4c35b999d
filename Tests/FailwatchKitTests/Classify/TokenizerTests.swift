// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchKit
import Testing

@Test(arguments: ["Störung", "Stoerung", "STÖRUNG", "störung", "STOERUNG"])
func foldsCaseAndUmlautsToOneWord(spelling: String) {
    #expect(TextHash.word(spelling) == TextHash.word("stoerung"))
    #expect(Normalizer.fold(spelling) == "stoerung")
}

@Test func foldsSharpSAndAccents() {
    #expect(Normalizer.fold("Straße Café façade") == "strasse cafe facade")
}

@Test func marksHashtagsMentionsAndURLHosts() {
    let text = Tokenizer.tokenize("@Telekom_hilft #Störung siehe https://www.telekom.de/hilfe?x=1 jetzt")
    let kinds = text.tokens.map(\.kind)
    let words = text.tokens.map { text.text(of: $0) }
    #expect(words == ["telekom_hilft", "stoerung", "siehe", "www", "telekom", "de", "jetzt"])
    #expect(kinds == [.mention, .hashtag, .word, .url, .url, .url, .word])
}

@Test func keepsAmpersandNamesWhole() {
    let text = Tokenizer.tokenize("1&1 und AT&T")
    #expect(text.tokens.map { text.text(of: $0) } == ["1&1", "und", "at&t"])
}

@Test func dropsApostrophesInsideWords() {
    let text = Tokenizer.tokenize("can't won’t")
    #expect(text.tokens.map { text.text(of: $0) } == ["cant", "wont"])
}

@Test func splitsEmojiAndKeepsEmoticons() {
    let text = Tokenizer.tokenize("kaputt😡😡 :-( ok")
    #expect(text.tokens.map(\.kind) == [.word, .emoji, .emoji, .emoticon, .word])
}

@Test func countsShoutingAndPunctuation() {
    let text = Tokenizer.tokenize("Internet DOWN!!! again?")
    #expect(text.tokens[1].isCaps)
    #expect(!text.tokens[0].isCaps)
    #expect(text.tokens[1].exclamations == 3)
    #expect(text.exclamations == 3 && text.questions == 1)
    #expect(text.tokens[1].endsClause)
}

@Test(arguments: [
    ("Bei mir geht seit heute morgen nichts mehr, kein Internet", "de"),
    ("Is anyone else having problems with their internet today?", "en"),
    ("🙂🙂", "other"),
])
func guessesLanguageFromFunctionWords(text: String, language: String) {
    #expect(LanguageGuess.guess(text) == language)
}

@Test func reusedStorageGivesTheSameTokens() {
    var reused = TokenizedText()
    for text in ["Störung in Köln!!", "a", "", "@x Internet DOWN? https://t.co/abc 😡 :-("] {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { Tokenizer.tokenize(bytes: UnsafeBufferPointer($0), into: &reused) }
        let fresh = Tokenizer.tokenize(text)
        #expect(reused.tokens == fresh.tokens && reused.folded == fresh.folded, "\(text)")
        #expect(reused.questions == fresh.questions && reused.exclamations == fresh.exclamations)
    }
}

@Test func reusedScratchGivesTheSameTokens() {
    // Tokens are written into a scratch buffer that keeps its largest size: a long post, then
    // shorter ones, then posts with a token at nearly every byte.
    var reused = TokenizedText()
    var scratch: [Token] = []
    let texts = [String(repeating: "Netzausfall seit 2 Stunden!! ", count: 40), "a", "a b c d e f g h", "😡😡😡😡:-(", ""]
    for text in texts {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer {
            Tokenizer.tokenize(bytes: UnsafeBufferPointer($0), into: &reused, scratch: &scratch)
        }
        let fresh = Tokenizer.tokenize(text)
        #expect(reused.tokens == fresh.tokens && reused.folded == fresh.folded, "\(text)")
        #expect(reused.questions == fresh.questions && reused.exclamations == fresh.exclamations)
    }
}

@Test func wordsWithCapitalsAndDigitsAreOneToken() {
    // The fast loop reads capitals and digits too; chunks opening like a URL or emoticon do not take it.
    let text = Tokenizer.tokenize("DeutscheBahn ICE123 4G 2024 Xd xD 8) hTTps://Www.X.de why WLAN")
    #expect(text.tokens.map { text.text(of: $0) } == ["deutschebahn", "ice123", "4g", "2024", "xd", "xd", "8)", "www", "x", "de", "why", "wlan"])
    #expect(text.tokens.map(\.kind) == [.word, .word, .word, .number, .emoticon, .emoticon, .emoticon, .url, .url, .url, .word, .word])
    #expect(text.tokens.map(\.isCaps) == [false, true, false, false, false, false, false, false, false, false, false, true])
    #expect(text.tokens[0].hash == TextHash.raw("deutschebahn"))
}
