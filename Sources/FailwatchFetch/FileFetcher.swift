// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// Reads `file://` sources with the same size cap and validators as HTTP, so local data behaves like a feed.
enum FileFetcher {
    /// - Parameters:
    ///   - request: a request whose URL has the `file` scheme.
    ///   - policy: only `maxBodyBytes` applies.
    /// - Returns: the file's bytes, `.notModified` when its modification time equals
    ///   `request.lastModified`, or a `file not found`/size failure.
    static func fetch(_ request: FetchRequest, policy: FetchPolicy) -> FetchResult {
        let path = request.url.path
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            return .failed(.fileNotFound(path: path))
        }
        if attributes[.type] as? FileAttributeType == .typeDirectory {
            return .failed(.fileUnreadable(path: path, reason: "is a directory"))
        }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > policy.maxBodyBytes {
            return .failed(.bodyTooLarge(limit: policy.maxBodyBytes))
        }
        let modificationDate = attributes[.modificationDate] as? Date
        let lastModified = modificationDate.map(HTTPDate.format)
        // Last-Modified has whole seconds; a file rewritten within the same second must still
        // count as changed, so the ETag carries size and the full-precision modification time.
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let etag = modificationDate.map { "\"\(size)-\(Int64($0.timeIntervalSince1970 * 1_000_000_000))\"" }
        let modified = ConditionalGET.isModified(
            status: 200, responseETag: etag, responseLastModified: lastModified,
            storedETag: request.etag, storedLastModified: request.lastModified)
        if !modified { return .notModified(etag: etag, lastModified: lastModified) }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: request.url)
            defer { try? handle.close() }
            // Read one byte past the cap: the file may have grown since the size check.
            data = try handle.read(upToCount: policy.maxBodyBytes + 1) ?? Data()
        } catch {
            return .failed(.fileUnreadable(path: path, reason: (error as NSError).localizedDescription))
        }
        if data.count > policy.maxBodyBytes { return .failed(.bodyTooLarge(limit: policy.maxBodyBytes)) }
        return .fetched(
            FetchedBody(
                data: data, contentType: nil, etag: etag, lastModified: lastModified, finalURL: request.url,
                status: 200))
    }
}
