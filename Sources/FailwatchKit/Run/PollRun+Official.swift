// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchStore
import Foundation

/// Sources where the provider speaks: status pages and `official: true` sources. What they
/// yield is stored as statements, and never reaches the complaint classifier.
extension PollRun {
    /// Reads a status page: each of its documents (summary.json then incidents.json for a
    /// base URL, else the one URL given) as statements.
    ///
    /// The first document decides the outcome (a 304, 429/503 or failure there is the
    /// source's); a later one that fails is a warning beside what the first gave. Validators
    /// are kept only for a single-document source, the only one a 304 can answer whole.
    func pollStatusPage(_ source: SourceConfig, state: SourceState?) async -> SourceReport.Outcome {
        let documents = StatusPageReader.documents(for: source.url)
        let single = documents.count == 1
        let origin = StatusPageReader.Origin(
            sourceName: source.name, providerID: source.officialProviderID, fetched: now)
        var harvest = SourceReport.Harvest(posts: [])
        for (index, url) in documents.enumerated() {
            let request = FetchRequest(
                url: url, etag: single ? state?.etag : nil, lastModified: single ? state?.lastModified : nil,
                headers: source.headers)
            let result = await fetcher.fetch(request)
            let name = url.lastPathComponent
            switch result {
            case let .fetched(body):
                do {
                    let read = try Self.statements(in: body, origin: origin)
                    Self.merge(read.statements, into: &harvest.statements)
                    harvest.warnings += read.warnings.map { "\(name): \($0)" }
                } catch {
                    if index == 0 { return .failed(reason: "parse: \(error)") }
                    harvest.warnings.append("\(name): parse: \(error)")
                    continue
                }
                if single {
                    harvest.etag = body.etag
                    harvest.lastModified = body.lastModified
                }
            case let .notModified(etag, lastModified):
                if index == 0 {
                    return .notModified(etag: etag ?? state?.etag, lastModified: lastModified ?? state?.lastModified)
                }
            case let .retryLater(status, retryAfter):
                if index == 0 { return .postponed(source, status: status, retryAfter: retryAfter, now: now) }
                harvest.warnings.append("\(name): http \(status): rate-limited, read next run")
            case let .failed(error):
                if index == 0 { return .failed(reason: error.description) }
                harvest.warnings.append("\(name): \(error)")
            }
        }
        return .fetched(harvest)
    }

    /// A status page document: Statuspage JSON, else an RSS/Atom incident history.
    static func statements(in body: FetchedBody, origin: StatusPageReader.Origin) throws -> (
        statements: [OfficialStatement], warnings: [String]
    ) {
        if StatusPageReader.isJSON(body.data) { return try StatusPageReader.read(json: body.data, origin: origin) }
        let feed = try FeedParser.parse(body.data, contentType: body.contentType, baseURL: body.finalURL)
        return (StatusPageReader.statements(feed: feed, origin: origin), feed.warnings)
    }

    /// Adds statements, one per external id: a second sighting (the same open incident in
    /// summary.json and incidents.json) replaces the first unless it is older.
    static func merge(_ new: [OfficialStatement], into statements: inout [OfficialStatement]) {
        for statement in new {
            guard let index = statements.firstIndex(where: { $0.externalID == statement.externalID }) else {
                statements.append(statement)
                continue
            }
            let old = statements[index]
            if (statement.updatedAt ?? .distantPast) >= (old.updatedAt ?? .distantPast) { statements[index] = statement }
        }
    }

    /// An `official: true` source's posts, turned into the provider's statements.
    static func statements(from outcome: SourceReport.Outcome, source: SourceConfig) -> SourceReport.Outcome {
        guard case var .fetched(harvest) = outcome else { return outcome }
        harvest.statements += harvest.posts.map { OfficialStatement(post: $0, providerID: source.officialProviderID) }
        harvest.posts = []
        return .fetched(harvest)
    }
}
