// SPDX-License-Identifier: Apache-2.0
internal import CCurl
import Foundation

/// One request on a libcurl easy handle: its options, its callbacks and how it ended.
///
/// Built on the caller's thread, then touched only by ``CurlMulti``'s thread until
/// ``finish(_:)`` resumes the caller exactly once.
final class CurlTransfer: @unchecked Sendable {
    let easy: UnsafeMutableRawPointer
    let url: URL
    private let timeout: Duration
    private let receiver: any HTTPReceiver
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// libcurl writes its own message for a failure here; it must live as long as the handle.
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    private var continuation: CheckedContinuation<FetchError?, Never>?

    /// The head being read; reset by each status line, since 1xx heads come before the final one.
    private var status = 0
    private var headers: [String: String] = [:]
    private var wantsBody = true
    /// The caller was cancelled; read and written only under ``CurlMulti``'s lock.
    var cancelRequested = false
    /// Set when the receiver, not the network, ended the transfer.
    private(set) var stoppedByReceiver = false

    /// - Throws: `.unsupportedScheme` for anything but http(s); `.network` when libcurl cannot
    ///   make a handle.
    /// - Parameter timeout: the most the whole exchange may take; libcurl's timer ends it.
    init(_ request: HTTPRequest, timeout: Duration, receiver: any HTTPReceiver) throws(FetchError) {
        let scheme = request.url.scheme?.lowercased() ?? ""
        guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(scheme) }
        guard let easy = curl_easy_init() else { throw .network("libcurl: no handle") }
        self.easy = easy
        self.url = request.url
        self.receiver = receiver
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        self.timeout = timeout
        configure(request)
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    func start(_ continuation: CheckedContinuation<FetchError?, Never>) {
        self.continuation = continuation
    }

    /// Resumes the caller; later calls do nothing.
    func finish(_ error: FetchError?) {
        continuation?.resume(returning: error)
        continuation = nil
    }

    /// What libcurl's result code means; `nil` for success or a stop the receiver asked for.
    func outcome(of code: CURLcode) -> FetchError? {
        if code == CURLE_OK || (code == CURLE_WRITE_ERROR && stoppedByReceiver) { return nil }
        let message = String(cString: errorBuffer)
        let detail = Self.redact(message.isEmpty ? String(cString: curl_easy_strerror(code)) : message, url: url)
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut(
                seconds: Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18)
        case CURLE_COULDNT_CONNECT: return .connectionRefused
        case CURLE_COULDNT_RESOLVE_HOST: return .hostNotFound
        case CURLE_BAD_CONTENT_ENCODING: return .badContentEncoding
        case CURLE_UNSUPPORTED_PROTOCOL: return .unsupportedScheme(url.scheme ?? "")
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS:
            return .tls(detail)
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE:
            return .network("connection lost (\(detail))")
        case CURLE_WEIRD_SERVER_REPLY: return .network("bad server response")
        default: return .network("error \(code.rawValue): \(detail)")
        }
    }

    /// A library message with the URL's query, user info and full spelling taken out.
    static func redact(_ message: String, url: URL) -> String {
        var text = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? message
        text = text.replacingOccurrences(of: url.absoluteString, with: url.redactedDescription)
        for secret in [url.query, url.password, url.user].compactMap({ $0 }) where !secret.isEmpty {
            text = text.replacingOccurrences(of: secret, with: "…")
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    // MARK: - Options

    private func configure(_ request: HTTPRequest) {
        let this = Unmanaged.passUnretained(self).toOpaque()
        fw_curl_setopt_string(easy, CURLOPT_URL, request.url.absoluteString)
        fw_curl_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        // Threads must not get SIGALRM from the resolver, and libcurl follows nothing itself.
        fw_curl_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        fw_curl_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0)
        let (seconds, attoseconds) = timeout.components
        let milliseconds = max(1, min(seconds, Int64(Int32.max)) * 1000 + attoseconds / 1_000_000_000_000_000)
        fw_curl_setopt_long(easy, CURLOPT_TIMEOUT_MS, Int(milliseconds))
        // "" asks for every encoding libcurl can decode; chunks then reach the receiver decoded.
        fw_curl_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, "")
        fw_curl_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer)
        switch (request.method.uppercased(), request.body) {
        case ("GET", nil):
            break
        case ("HEAD", _):
            fw_curl_setopt_long(easy, CURLOPT_NOBODY, 1)
        case (let method, let body):
            let body = body ?? Data()
            fw_curl_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            body.withUnsafeBytes { bytes in
                // COPYPOSTFIELDS copies, so the Data need not outlive this call.
                _ = fw_curl_setopt_pointer(
                    easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress ?? nil))
            }
            if method != "POST" { fw_curl_setopt_string(easy, CURLOPT_CUSTOMREQUEST, method) }
        }
        // libcurl's "Expect: 100-continue" would stall bodies over 1 KB on servers that ignore it.
        var lines = ["Expect:"]
        for (name, value) in request.headers {
            lines.append(value.isEmpty ? "\(name);" : "\(name): \(value)")
        }
        for line in lines { headerList = curl_slist_append(headerList, line) }
        fw_curl_setopt_list(easy, CURLOPT_HTTPHEADER, headerList)
        fw_curl_setopt_write(easy, CURLOPT_HEADERFUNCTION) { buffer, size, count, this in
            guard let buffer, let this else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(this).takeUnretainedValue()
            transfer.headerLine(UnsafeRawBufferPointer(start: buffer, count: size * count))
            return size * count
        }
        fw_curl_setopt_pointer(easy, CURLOPT_HEADERDATA, this)
        fw_curl_setopt_write(easy, CURLOPT_WRITEFUNCTION) { buffer, size, count, this in
            guard let buffer, let this else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(this).takeUnretainedValue()
            // Anything but the full count makes libcurl abort with CURLE_WRITE_ERROR.
            return transfer.bodyChunk(UnsafeRawBufferPointer(start: buffer, count: size * count)) ? size * count : 0
        }
        fw_curl_setopt_pointer(easy, CURLOPT_WRITEDATA, this)
    }

    // MARK: - Callbacks (libcurl's thread)

    private func headerLine(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            status = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            headers = [:]
        } else if line.isEmpty {
            // The end of a head: a 1xx is followed by another one, the final one by the body.
            guard status >= 200 else { return }
            wantsBody = receiver.head(HTTPResponseHead(status: status, headers: headers))
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
    }

    private func bodyChunk(_ bytes: UnsafeRawBufferPointer) -> Bool {
        // A body nobody wants is cut at its first byte; a bodiless answer (304) completes
        // normally and leaves its connection open for the next request.
        guard wantsBody, receiver.body(bytes) else {
            stoppedByReceiver = true
            return false
        }
        return true
    }
}
