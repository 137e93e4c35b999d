// SPDX-License-Identifier: Apache-2.0

/// Folds case and diacritics so that "Störung", "Stoerung" and "STÖRUNG" are one word to the rules.
///
/// German umlauts fold to their two-letter spelling (ä → ae, ß → ss), other Latin-1 letters to
/// their base letter (é → e). Works on UTF-8 bytes because the classifier must read hundreds of
/// thousands of posts a second.
public enum Normalizer {
    /// The folded form of a word or phrase, as the tokenizer writes it into token text.
    public static func fold(_ text: String) -> String {
        let tokens = Tokenizer.tokenize(text)
        return tokens.tokens.map { tokens.text(of: $0) }.joined(separator: " ")
    }

    /// Folds one Latin-1 supplement letter (the second byte after 0xC3) to ASCII.
    ///
    /// - Returns: one or two lower-case ASCII bytes, and whether the source letter was upper case;
    ///   `nil` when the byte is no letter (× ÷).
    @inline(__always)
    static func foldLatin1(_ byte: UInt8) -> (UInt8, UInt8, Bool)? {
        // 0xC3 0x80...0xBF encodes U+00C0...U+00FF.
        if byte == 0x9F { return (0x73, 0x73, false) }  // ß → ss
        let upper = byte < 0xA0
        let lower = upper ? byte &+ 0x20 : byte
        switch lower {
        case 0xA4: return (0x61, 0x65, upper)  // ä → ae
        case 0xB6: return (0x6F, 0x65, upper)  // ö → oe
        case 0xBC: return (0x75, 0x65, upper)  // ü → ue
        case 0xA0...0xA3, 0xA5: return (0x61, 0, upper)  // à á â ã å
        case 0xA6: return (0x61, 0x65, upper)  // æ
        case 0xA7: return (0x63, 0, upper)  // ç
        case 0xA8...0xAB: return (0x65, 0, upper)  // è é ê ë
        case 0xAC...0xAF: return (0x69, 0, upper)  // ì í î ï
        case 0xB1: return (0x6E, 0, upper)  // ñ
        case 0xB2...0xB5, 0xB8: return (0x6F, 0, upper)  // ò ó ô õ ø
        case 0xB9...0xBB: return (0x75, 0, upper)  // ù ú û
        case 0xBD, 0xBF: return (0x79, 0, upper)  // ý ÿ
        default: return nil
        }
    }
}
