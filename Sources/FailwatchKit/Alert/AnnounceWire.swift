// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// The requests that post a statement to the provider's own account and the reading of their
/// answers, as values: `failwatch announce` sends them (``Announcer``), tests read them.
///
/// Mastodon: https://docs.joinmastodon.org/methods/statuses/#create;
/// Bluesky: https://docs.bsky.app/docs/api/com-atproto-server-create-session,
/// https://docs.bsky.app/docs/api/com-atproto-repo-create-record
public enum AnnounceWire {
    /// What a post became: where it can be read and since when.
    public struct Posted: Sendable, Equatable {
        /// The post's id in its network (a Mastodon status URI, a Bluesky `at://` URI): the same
        /// id the account's timeline gives it, so the next poll finds it stored.
        public var id: String
        public var link: String?
        public var createdAt: Date?
    }

    /// A Bluesky session: the token for the next request and the account's DID.
    public struct Session: Sendable, Equatable {
        public var accessJWT: String
        public var did: String
    }

    /// `POST /api/v1/statuses` on the instance; the key makes a retried post one post.
    public static func mastodonStatus(instance: URL, token: String, text: String, language: String?, key: String)
        -> WebhookRequest
    {
        var body: [String: String] = ["status": text, "visibility": "public"]
        if let language { body["language"] = language }
        return WebhookRequest(
            method: "POST", url: endpoint(instance, "/api/v1/statuses"),
            headers: [
                "Authorization": "Bearer " + token, "Content-Type": "application/json; charset=utf-8",
                "Idempotency-Key": key,
            ],
            body: json(body))
    }

    /// `com.atproto.server.createSession` with the handle and the app password.
    public static func blueskySession(pds: URL, handle: String, appPassword: String) -> WebhookRequest {
        WebhookRequest(
            method: "POST", url: endpoint(pds, "/xrpc/com.atproto.server.createSession"),
            headers: ["Content-Type": "application/json"], body: json(["identifier": handle, "password": appPassword]))
    }

    /// `com.atproto.repo.createRecord` of an `app.bsky.feed.post` in the session's repository.
    public static func blueskyPost(pds: URL, session: Session, text: String, language: String?, now: Date)
        -> WebhookRequest
    {
        var record: [String: Any] = [
            "$type": "app.bsky.feed.post", "text": text, "createdAt": FeedDate.iso8601UTC(now),
        ]
        if let language { record["langs"] = [language] }
        let body: [String: Any] = ["repo": session.did, "collection": "app.bsky.feed.post", "record": record]
        return WebhookRequest(
            method: "POST", url: endpoint(pds, "/xrpc/com.atproto.repo.createRecord"),
            headers: ["Authorization": "Bearer " + session.accessJWT, "Content-Type": "application/json"],
            body: (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data())
    }

    /// The created status: `{id, uri, url, created_at}`.
    public static func mastodonPosted(_ data: Data) -> Posted? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let uri = (object["uri"] as? String) ?? (object["url"] as? String)
        else { return nil }
        return Posted(
            id: uri, link: (object["url"] as? String) ?? uri,
            createdAt: (object["created_at"] as? String).flatMap(FeedDate.parse))
    }

    /// The session: `{accessJwt, did}`.
    public static func blueskySession(_ data: Data) -> Session? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let token = object["accessJwt"] as? String, let did = object["did"] as? String, !token.isEmpty, !did.isEmpty
        else { return nil }
        return Session(accessJWT: token, did: did)
    }

    /// The created record: `{uri, cid}`; its web link is the profile's post page.
    public static func blueskyPosted(_ data: Data, handle: String, now: Date) -> Posted? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let uri = object["uri"] as? String, uri.hasPrefix("at://")
        else { return nil }
        let rkey = uri.split(separator: "/").last.map(String.init) ?? ""
        return Posted(id: uri, link: "https://bsky.app/profile/\(handle)/post/\(rkey)", createdAt: now)
    }

    /// The network's own error text (`{"error": "…"}` on Mastodon, `{"error", "message"}` on
    /// Bluesky), cut to one short line; `nil` when the body has none.
    public static func errorText(_ data: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        let parts = [object["error"] as? String, object["message"] as? String].compactMap {
            $0.flatMap { $0.isEmpty ? nil : $0 }
        }
        return parts.isEmpty ? nil : AlertText.clean(parts.joined(separator: ": "), limit: 200)
    }

    /// `base` (with or without a trailing `/`, query dropped) followed by `path`.
    static func endpoint(_ base: URL, _ path: String) -> URL {
        var prefix = base.absoluteString
        if let mark = prefix.firstIndex(where: { $0 == "?" || $0 == "#" }) { prefix = String(prefix[..<mark]) }
        while prefix.hasSuffix("/") { prefix.removeLast() }
        return URL(string: prefix + path) ?? base
    }

    private static func json(_ object: [String: String]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}
