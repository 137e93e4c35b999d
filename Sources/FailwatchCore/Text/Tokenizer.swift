// SPDX-License-Identifier: Apache-2.0

/// Splits a post into folded tokens in one pass over its UTF-8 bytes.
///
/// Words are folded (see ``Normalizer``); `#tag` and `@handle` keep `_` and are marked; the host
/// of a URL becomes `.url` tokens (so domains match) while its path is dropped; emoji are one
/// token each; chunks that look like emoticons (":-(", ";)", "<3") stay whole.
public enum Tokenizer {
    /// Tokenizes a post.
    public static func tokenize(_ text: String) -> TokenizedText {
        var text = text
        return text.withUTF8 { tokenize(bytes: $0) }
    }

    /// Tokenizes UTF-8 bytes (invalid sequences are skipped).
    public static func tokenize(bytes: UnsafeBufferPointer<UInt8>) -> TokenizedText {
        var result = TokenizedText()
        tokenize(bytes: bytes, into: &result)
        return result
    }

    /// Tokenizes UTF-8 bytes into `result`, reusing its storage (bulk classification allocates nothing per post).
    public static func tokenize(bytes: UnsafeBufferPointer<UInt8>, into result: inout TokenizedText) {
        var scratch: [Token] = []
        tokenize(bytes: bytes, into: &result, scratch: &scratch)
    }

    /// Tokenizes UTF-8 bytes into `result`, writing tokens first into `scratch`, which keeps the
    /// largest size it ever needed: tokens are stored through a pointer there, with no uniqueness or
    /// capacity check per token as `append` makes, and copied into `result` in one go at the end.
    static func tokenize(bytes: UnsafeBufferPointer<UInt8>, into result: inout TokenizedText, scratch: inout [Token]) {
        // Folding never lengthens text (ä → ae is two bytes for two), so the input size bounds the output;
        // every token holds at least one output byte, so it bounds the tokens too.
        let needed = bytes.count + 16
        var folded = result.folded
        var tokens = result.tokens
        result = TokenizedText()  // the buffers are ours alone now, so they change in place
        if folded.count < needed { Self.zeroExtend(&folded, to: needed) }
        if scratch.count < needed { scratch.append(contentsOf: repeatElement(Token.empty, count: needed - scratch.count)) }
        tokens.removeAll(keepingCapacity: true)
        let used = folded.withUnsafeMutableBufferPointer { buffer -> Int in
            scratch.withUnsafeMutableBufferPointer { tokenBuffer -> Int in
                guard let base = buffer.baseAddress, let tokenBase = tokenBuffer.baseAddress else { return 0 }
                var state = State(out: base, tokenOut: tokenBase)
                scan(bytes, into: &state)
                tokens.append(contentsOf: UnsafeBufferPointer(start: tokenBase, count: state.tokenCount))
                result.exclamations = state.exclamations
                result.questions = state.questions
                result.hasLowercase = state.hasLowercase
                return state.outCount
            }
        }
        folded.removeLast(folded.count - used)
        result.folded = folded
        result.tokens = tokens
    }

    /// Zeros to grow buffers from with one copy (appending `repeatElement` went byte by byte).
    private static let zeros = [UInt8](repeating: 0, count: 1 << 12)

    /// Grows `bytes` with zeros to `count` bytes.
    static func zeroExtend(_ bytes: inout [UInt8], to count: Int) {
        while bytes.count < count {
            let k = min(count - bytes.count, zeros.count)
            zeros.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<k])) }
        }
    }

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into state: inout State) {
        let n = bytes.count
        var i = 0
        var chunkStart = true
        var inURL = false
        var urlHostDone = false
        while i < n {
            let b = bytes[i]
            // Fast path: a run of ASCII letters and digits (most bytes of most posts), with the state
            // in registers. A chunk may start here too unless its first byte could open a URL or an
            // emoticon, which the slow path checks.
            if !inURL && isASCIIAlnum(b) && (!chunkStart || !mayOpenURLOrEmoticon(b)), let base = bytes.baseAddress {
                chunkStart = false
                i = state.appendAlnumRun(base, from: i, count: n)
                continue
            }
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                state.finish()
                state.kind = .word
                if b == 0x0A { state.breakClause() }
                inURL = false
                chunkStart = true
                i += 1
                continue
            }
            if chunkStart {
                chunkStart = false
                let lower = b | 0x20
                if lower == 0x68 || lower == 0x77, let skip = urlPrefixLength(bytes, i) {  // h, w
                    inURL = true
                    urlHostDone = false
                    state.kind = .url
                    i += skip
                    continue
                }
                if mayStartEmoticon(b) {
                    let end = chunkEnd(bytes, i)
                    if looksLikeEmoticon(bytes, i, end) {
                        state.emitRaw(bytes, i, end, kind: .emoticon)
                        i = end
                        continue
                    }
                }
            }
            if inURL {
                if urlHostDone {
                    i += 1
                    continue
                }
                if b == 0x2F || b == 0x3F || b == 0x23 || b == 0x3A {  // / ? # :
                    state.finish()
                    urlHostDone = true
                    i += 1
                    continue
                }
                if isASCIIAlnum(b) {
                    state.appendASCII(b)
                } else {
                    state.finish()
                    state.kind = .url
                }
                i += 1
                continue
            }
            if b < 0x80 {
                i += 1
                if isASCIIAlnum(b) {
                    state.appendASCII(b)
                    continue
                }
                switch b {
                case 0x23, 0x40:  // # @
                    if state.isEmpty, i < n, isWordStart(bytes[i]) {
                        state.kind = b == 0x23 ? .hashtag : .mention
                    } else {
                        state.finish()
                    }
                case 0x5F:  // _
                    if !state.isEmpty, state.kind == .hashtag || state.kind == .mention {
                        state.appendASCII(b)
                    } else {
                        state.finish()
                    }
                case 0x27:  // '
                    if state.isEmpty || i >= n || !isASCIIAlnum(bytes[i]) { state.finish() } else { state.apostrophe() }
                case 0x26:  // & inside a name: "AT&T", "1&1"
                    if !state.isEmpty, i < n, isASCIIAlnum(bytes[i]) {
                        state.appendASCII(b)
                    } else {
                        state.finish()
                    }
                case 0x21:
                    state.finish()
                    state.exclaim()
                case 0x3F:
                    state.finish()
                    state.ask()
                case 0x2E:  // . ends a clause only before a space or the end ("telekom.de", "2.5")
                    state.finish()
                    if i >= n || bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x2E { state.breakClause() }
                case 0x2C, 0x3B, 0x3A, 0x28, 0x29:  // , ; : ( )
                    state.finish()
                    state.breakClause()
                default:
                    state.finish()
                }
                continue
            }
            // Multi-byte sequences.
            let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            if len == 1 || i + len > n {
                i += 1
                continue
            }
            let b1 = bytes[i + 1]
            if len == 2 {
                if b == 0xC3, let f = Normalizer.foldLatin1(b1) {
                    state.appendFolded(f.0, f.1, upper: f.2)
                } else if b >= 0xC4 && b <= 0xDF {
                    state.appendRaw(b, b1)
                } else {
                    state.finish()  // NBSP, « », ¿ ¡, × ÷
                }
            } else if len == 3 {
                let b2 = bytes[i + 2]
                if b == 0xE2 && b1 == 0x80 {
                    switch b2 {
                    case 0x98, 0x99:  // ‘ ’ as apostrophes inside a word
                        if state.isEmpty || i + 3 >= n || !isASCIIAlnum(bytes[i + 3]) {
                            state.finish()
                        } else {
                            state.apostrophe()
                        }
                    case 0x8D:  // zero-width joiner inside emoji sequences
                        break
                    case 0xA6:  // …
                        state.finish()
                        state.breakClause()
                    default:
                        state.finish()
                    }
                } else if b == 0xEF && b1 == 0xB8 && b2 == 0x8F {
                    // variation selector 16: part of the emoji before it
                } else if (b == 0xE2 && b1 >= 0x84) || (b == 0xE3 && b1 == 0x80 && b2 == 0xBD) {
                    state.finish()
                    state.emitRaw(bytes, i, i + 3, kind: .emoji)
                } else if b == 0xE2 {
                    state.finish()  // other general punctuation, arrows, maths
                } else {
                    state.appendRaw3(b, b1, b2)
                }
            } else {
                // Skin-tone modifiers (U+1F3FB...U+1F3FF) belong to the emoji before them.
                if !(b == 0xF0 && b1 == 0x9F && bytes[i + 2] == 0x8F && bytes[i + 3] >= 0xBB) {
                    state.finish()
                    state.emitRaw(bytes, i, i + 4, kind: .emoji)
                }
            }
            i += len
        }
        state.finish()
    }

    @inline(__always)
    static func isASCIIAlnum(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
    }

    @inline(__always)
    static func isWordStart(_ b: UInt8) -> Bool {
        isASCIIAlnum(b) || b >= 0xC3
    }

    /// Whether a chunk's first byte needs the slow path's URL ("http", "www") or emoticon ("xD", "8)") checks.
    @inline(__always)
    static func mayOpenURLOrEmoticon(_ b: UInt8) -> Bool {
        let lower = b | 0x20
        return lower == 0x68 || lower == 0x77 || lower == 0x78 || b == 0x38  // h w x 8
    }

    static func chunkEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var j = start
        while j < bytes.count {
            let c = bytes[j]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { break }
            j += 1
        }
        return j
    }

    static func urlPrefixLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        func matches(_ s: StaticString) -> Bool {
            let n = s.utf8CodeUnitCount
            guard i + n <= bytes.count else { return false }
            for k in 0..<n where bytes[i + k] | 0x20 != s.utf8Start[k] | 0x20 { return false }
            return true
        }
        if matches("https://") { return 8 }
        if matches("http://") { return 7 }
        if matches("www.") { return 4 }
        return nil
    }

    /// The first bytes ``looksLikeEmoticon(_:_:_:)`` can accept, checked before finding the chunk's end.
    @inline(__always)
    static func mayStartEmoticon(_ b: UInt8) -> Bool {
        switch b {
        case 0x3A, 0x3B, 0x3D, 0x3E, 0x38, 0x28, 0x29, 0x5E, 0x7E, 0x3C, 0x2D, 0x78, 0x58: return true
        default: return false
        }
    }

    /// ":-(", ";)", ":D", "<3", "xD": short, punctuation-led chunks without a run of letters.
    static func looksLikeEmoticon(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let n = end - start
        guard n >= 2 && n <= 6 else { return false }
        let first = bytes[start]
        if first == 0x3C && (bytes[start + 1] == 0x33 || bytes[start + 1] == 0x2F) { return true }  // <3 </3
        if (first == 0x78 || first == 0x58) && n == 2 && (bytes[start + 1] | 0x20) == 0x64 { return true }  // xD
        guard first == 0x3A || first == 0x3B || first == 0x3D || first == 0x3E || first == 0x38 || first == 0x28
            || first == 0x29 || first == 0x5E || first == 0x7E || first == 0x3C || first == 0x2D
        else { return false }
        var letters = 0
        var punct = 0
        for k in start..<end {
            let c = bytes[k]
            if c >= 0x80 { return false }
            if isASCIIAlnum(c) {
                letters += 1
                if letters > 2 { return false }
            } else {
                punct += 1
            }
        }
        return punct >= 2 || (punct == 1 && letters >= 1 && first != 0x28 && first != 0x2D)
    }

    /// The token being built and the text built so far.
    struct State {
        /// Where finished tokens go (room for one per input byte, see `tokenize`), and how many there are.
        let tokenOut: UnsafeMutablePointer<Token>
        var tokenCount = 0
        var exclamations = 0
        var questions = 0
        var hasLowercase = false
        let out: UnsafeMutablePointer<UInt8>
        var outCount = 0
        var hash = TextHash.offset
        var start: Int32 = 0
        var kind: Token.Kind = .word
        var upper = 0
        var lower = 0
        var digits = 0
        var length = 0
        /// Letters before an apostrophe inside the token ("I'll": 1); -1 without one.
        var apostropheAt = -1

        init(out: UnsafeMutablePointer<UInt8>, tokenOut: UnsafeMutablePointer<Token>) {
            self.out = out
            self.tokenOut = tokenOut
        }

        var isEmpty: Bool { length == 0 }

        @inline(__always)
        mutating func push(_ c: UInt8) {
            out[outCount] = c
            outCount += 1
            hash = TextHash.add(hash, c)
            length += 1
        }

        @inline(__always)
        mutating func appendASCII(_ b: UInt8) {
            if b >= 0x41 && b <= 0x5A {
                upper += 1
                push(b | 0x20)
            } else {
                if b >= 0x61 && b <= 0x7A { lower += 1 } else if b <= 0x39 && b >= 0x30 { digits += 1 }
                push(b)
            }
        }

        /// Appends the run of ASCII letters and digits starting at `from` (at least one), as
        /// ``appendASCII(_:)`` would byte by byte, but with the hash, counts and output position in
        /// registers: capitals and digits no longer leave the loop.
        ///
        /// - Returns: the index after the run.
        @inline(__always)
        mutating func appendAlnumRun(_ base: UnsafePointer<UInt8>, from: Int, count n: Int) -> Int {
            var j = from
            var hash = self.hash
            var o = outCount
            var upper = 0
            var digits = 0
            let out = self.out
            // Without branches inside a word (counts by adding 0 or 1): mixed case and digits
            // mispredicted the per-byte branches.
            while j < n {
                let c = base[j]
                let folded = c | 0x20
                let isLetter = folded &- 0x61 < 26  // a-z or A-Z
                let isDigit = c &- 0x30 < 10
                guard isLetter || isDigit else { break }
                let byte = isLetter ? folded : c
                upper &+= isLetter && c < 0x60 ? 1 : 0
                digits &+= isDigit ? 1 : 0
                out[o] = byte
                hash = TextHash.add(hash, byte)
                // Wrapping adds: both stay below `n`, and overflow checks cost a branch each per byte.
                o &+= 1
                j &+= 1
            }
            self.hash = hash
            outCount = o
            length += j - from
            self.upper += upper
            lower += j - from - upper - digits
            self.digits += digits
            return j
        }

        @inline(__always)
        mutating func appendFolded(_ a: UInt8, _ b: UInt8, upper isUpper: Bool) {
            if isUpper { upper += 1 } else { lower += 1 }
            push(a)
            if b != 0 { push(b) }
        }

        @inline(__always)
        mutating func appendRaw(_ a: UInt8, _ b: UInt8) {
            lower += 1
            push(a)
            push(b)
        }

        @inline(__always)
        mutating func appendRaw3(_ a: UInt8, _ b: UInt8, _ c: UInt8) {
            lower += 1
            push(a)
            push(b)
            push(c)
        }

        /// Notes an apostrophe inside a word; it is not part of the token's text.
        mutating func apostrophe() {
            apostropheAt = length
        }

        /// Closes the current token, if any.
        @inline(__always)
        mutating func finish() {
            if length > 0 {
                if lower > 0 { hasLowercase = true }
                // "I'll", "we'll", "he'll" are no "ill", "well", "hell": the contraction hashes apart.
                if apostropheAt > 0 && length - apostropheAt == 2 && out[outCount - 1] == 0x6C && out[outCount - 2] == 0x6C {
                    hash = TextHash.add(hash, 0x27)
                }
                var k = kind
                if k == .word && digits == length { k = .number }
                tokenOut[tokenCount] = Token(
                    hash: hash, start: start, end: Int32(outCount), kind: k,
                    isCaps: upper >= 2 && lower == 0, exclamations: 0, questions: 0, endsClause: false)
                tokenCount += 1
            }
            hash = TextHash.offset
            start = Int32(outCount)
            if kind != .url { kind = .word }
            upper = 0
            lower = 0
            digits = 0
            length = 0
            apostropheAt = -1
        }

        mutating func emitRaw(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, kind rawKind: Token.Kind) {
            finish()
            for k in from..<to {
                let c = bytes[k]
                push(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
            }
            let saved = kind
            kind = rawKind
            finish()
            kind = saved
        }

        mutating func breakClause() {
            if tokenCount > 0 { tokenOut[tokenCount - 1].endsClause = true }
        }

        mutating func exclaim() {
            exclamations += 1
            breakClause()
            if tokenCount > 0, tokenOut[tokenCount - 1].exclamations < 255 {
                tokenOut[tokenCount - 1].exclamations += 1
            }
        }

        mutating func ask() {
            questions += 1
            breakClause()
            if tokenCount > 0, tokenOut[tokenCount - 1].questions < 255 {
                tokenOut[tokenCount - 1].questions += 1
            }
        }
    }
}
