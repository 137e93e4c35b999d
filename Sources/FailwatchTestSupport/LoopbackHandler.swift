// SPDX-License-Identifier: Apache-2.0
import FlyingFox
import Foundation

/// Bridges FlyingFox to the route table: records the request, then renders the route's answer.
struct LoopbackHandler: HTTPHandler {
    let table: LoopbackRouteTable

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        var headers: [String: String] = [:]
        for (name, value) in request.headers {
            headers[name.rawValue.lowercased()] = headers[name.rawValue.lowercased()].map { "\($0), \(value)" } ?? value
        }
        let recorded = RecordedRequest(
            method: request.method.rawValue, path: request.path, query: request.target.query(percentEncoded: true),
            headers: headers, body: try await request.bodyData)
        guard let handler = table.receive(recorded) else {
            return HTTPResponse(statusCode: .notFound, body: Data("no route for \(request.path)\n".utf8))
        }
        let response = await handler(recorded)
        if let delay = response.delay { try await Task.sleep(for: delay) }
        let status = HTTPStatusCode(response.status, phrase: "Loopback")
        var httpHeaders = HTTPHeaders()
        for (name, value) in response.headers { httpHeaders[HTTPHeader(name)] = value }
        switch response.body {
        case .data(let data):
            return HTTPResponse(statusCode: status, headers: httpHeaders, body: data)
        case .stream(let byteCount, let declaresLength, let chunkDelay):
            let bytes = GeneratedBytes(count: byteCount, chunkDelay: chunkDelay)
            let body =
                declaresLength
                ? HTTPBodySequence(from: bytes, count: byteCount, suggestedBufferSize: 64 * 1024)
                : HTTPBodySequence(from: bytes, suggestedBufferSize: 64 * 1024)
            return HTTPResponse(statusCode: status, headers: httpHeaders, body: body)
        case .never:
            // Sleep until `stop()` cancels the connection.
            try await Task.sleep(for: .seconds(24 * 3600))
            throw CancellationError()
        }
    }
}
