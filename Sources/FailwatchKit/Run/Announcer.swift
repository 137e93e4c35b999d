// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import FailwatchStore
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Posts a statement through the provider's own Mastodon or Bluesky account (`failwatch
/// announce`) and returns it as the provider's word for the store, so the next alert and the
/// report's time to first word see it at once, before any poll reads the account.
public struct Announcer: Sendable {
    /// Why nothing was posted: one line naming the source and what to do, never a secret.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    public var timeout: TimeInterval

    public init(timeout: TimeInterval = 20) {
        self.timeout = timeout
    }

    /// Posts `text` and returns the statement to store.
    ///
    /// - Parameters:
    ///   - source: the provider's own account (`official: true`, with `announce:`).
    ///   - providerID: the provider the statement speaks for.
    ///   - key: the idempotency key, so a repeated command does not post twice on Mastodon.
    ///   - now: when the command runs; the post's time where the network gives none.
    public func post(
        _ text: String, language: String?, via source: SourceConfig, providerID: String, key: String, now: Date
    ) async throws(Failure) -> OfficialStatement {
        let name = source.name
        guard let announce = source.announce else {
            throw Failure(
                description: "announce: source '\(name)' cannot post: "
                    + (source.announceUnset
                        ?? "it has no announce: settings; hint: add announce: {token: \"${…}\"} (mastodon)"
                        + " or announce: {handle: …, app_password: \"${…}\"} (bluesky)"))
        }
        let posted: AnnounceWire.Posted
        switch announce {
        case let .mastodon(token):
            let request = AnnounceWire.mastodonStatus(
                instance: source.url, token: token, text: text, language: language, key: key)
            let (status, data) = try await send(request, source: name)
            guard (200..<300).contains(status), let read = AnnounceWire.mastodonPosted(data) else {
                throw refusal(status, data, source: name, scope: "write:statuses")
            }
            posted = read
        case let .bluesky(handle, password, pds):
            let login = AnnounceWire.blueskySession(pds: pds, handle: handle, appPassword: password)
            let (loginStatus, loginData) = try await send(login, source: name)
            guard (200..<300).contains(loginStatus), let session = AnnounceWire.blueskySession(loginData) else {
                throw refusal(loginStatus, loginData, source: name, scope: "an app password for \(handle)")
            }
            let request = AnnounceWire.blueskyPost(pds: pds, session: session, text: text, language: language, now: now)
            let (status, data) = try await send(request, source: name)
            guard (200..<300).contains(status), let read = AnnounceWire.blueskyPosted(data, handle: handle, now: now)
            else {
                throw refusal(status, data, source: name, scope: "an app password for \(handle)")
            }
            posted = read
        }
        let created = posted.createdAt ?? now
        return OfficialStatement(
            sourceName: name, providerID: providerID, externalID: posted.id, kind: .post,
            title: StatusPageReader.clip(text, to: 200), body: text, url: posted.link, createdAt: created,
            updatedAt: created, fetched: now)
    }

    private func refusal(_ status: Int, _ data: Data, source: String, scope: String) -> Failure {
        let said = AnnounceWire.errorText(data).map { ": \($0)" } ?? ""
        let hint: String
        switch status {
        case 401: hint = "; hint: the token or app password was refused (expired, revoked or mistyped)"
        case 403: hint = "; hint: the token lacks the permission to post (\(scope))"
        case 422, 400: hint = "; hint: the text was refused (too long, or empty)"
        default: hint = ""
        }
        return Failure(description: "announce: \(source): http \(status)\(said)\(hint)")
    }

    /// One POST; a network failure is one line.
    private func send(_ request: WebhookRequest, source: String) async throws(Failure) -> (Int, Data) {
        let sender = WebhookSender(timeout: timeout, userAgent: "failwatch/\(FailwatchVersion.current) (+announce)")
        switch await sender.exchange(request) {
        case .success(let response):
            return (response.status, response.body)
        case .failure(let error):
            throw Failure(
                description: "announce: \(source): \(request.url.host ?? "the host") could not be reached (\(error))")
        }
    }
}
