import FailwatchTestSupport
import Foundation
import Testing

// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchKit

/// Delivery against a real loopback webhook: what each answer means for the outbox, which
/// headers go out, and that no result ever names the secret URL.
@Suite struct WebhookDeliveryTests {
    /// Generous, so a loaded machine cannot turn an answer into a timeout.
    private let sender = WebhookSender(timeout: 30, userAgent: "failwatch-test/1")

    private func sink(_ kind: SinkKind, _ receiver: WebhookReceiver, path: String = "/hook/T0001/B0002/s3cr3tToken")
        -> SinkConfig
    {
        SinkConfig(
            name: "noc", kind: kind, url: receiver.url(path), secret: kind == .webhook ? "whsec-test-key" : nil,
            displayURL: "${NOC_URL}")
    }

    private func send(_ kind: SinkKind, replies: [WebhookReceiver.Reply]) async throws -> (
        DeliveryResult, [WebhookReceiver.Request]
    ) {
        try await WebhookReceiver.with(replies: replies) { receiver in
            let request = WebhookRequest.make(
                for: AlertFixtures.hostile, sink: sink(kind, receiver), now: AlertFixtures.now)
            let result = await sender.send(request, now: AlertFixtures.now)
            return (result, receiver.requests)
        }
    }

    @Test func okIsDeliveredWithHeadersAndTheRenderedBody() async throws {
        let (result, requests) = try await send(.slack, replies: [.ok])
        #expect(result == .delivered(status: 200, messageID: nil))
        #expect(result.description == "delivered (HTTP 200)")
        let request = try #require(requests.first)
        #expect(requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.path == "/hook/T0001/B0002/s3cr3tToken")
        #expect(request.header("Content-Type") == "application/json; charset=utf-8")
        #expect(request.header("User-Agent") == "failwatch-test/1")
        #expect(request.header("Idempotency-Key") == "inc-42-0")
        #expect(request.body == AlertFixtures.body(AlertFixtures.hostile, for: .slack))
    }

    @Test func serviceUnavailableIsRetriedLater() async throws {
        let (result, _) = try await send(.slack, replies: [.status(503, body: "upstream down")])
        #expect(result == .retryLater(reason: "http 503: upstream down", retryAfter: nil))
    }

    @Test func rateLimitHonoursRetryAfter() async throws {
        let (result, _) = try await send(.slack, replies: [.rateLimited(retryAfter: 120)])
        #expect(result == .retryLater(reason: "http 429: rate limited", retryAfter: 120))
        #expect(result.description == "failed: http 429: rate limited (temporary, retry after 120s)")
    }

    @Test func discordRateLimitBodyGivesTheWait() {
        let body = Data(#"{"message": "You are being rate limited.", "retry_after": 1.5, "global": false}"#.utf8)
        let result = DeliveryResult.classify(status: 429, body: body, retryAfter: nil, now: AlertFixtures.now)
        guard case .retryLater(_, let wait) = result else {
            Issue.record("expected retry, got \(result)")
            return
        }
        #expect(wait == 1.5)
    }

    @Test func goneWebhookIsRejectedPermanentlyWithoutTheURL() async throws {
        let (result, _) = try await send(
            .discord, replies: [.status(404, body: #"{"message": "Unknown Webhook s3cr3tToken", "code": 10015}"#)])
        guard case .rejected(let status, let reason) = result else {
            Issue.record("expected rejection, got \(result)")
            return
        }
        #expect(status == 404)
        #expect(reason.hasPrefix("http 404: "))
        #expect(reason.contains("webhook no longer exists"))
        #expect(!reason.contains("s3cr3tToken"))
        #expect(!reason.contains("127.0.0.1"))
    }

    @Test func slowWebhookTimesOutAndIsRetried() async throws {
        let impatient = WebhookSender(timeout: 1)
        try await WebhookReceiver.with(replies: [.slow(60)]) { receiver in
            let request = WebhookRequest.make(
                for: AlertFixtures.hostile, sink: sink(.slack, receiver), now: AlertFixtures.now)
            #expect(await impatient.send(request) == .retryLater(reason: "timed out", retryAfter: nil))
        }
    }

    @Test func refusedConnectionIsRetriedWithoutNamingTheURL() async throws {
        let receiver = try await WebhookReceiver.start()
        let url = receiver.url("/hook/s3cr3tToken")
        await receiver.stop()
        let request = WebhookRequest(method: "POST", url: url, headers: [:], body: Data("{}".utf8))
        let result = await sender.send(request)
        #expect(result == .retryLater(reason: "connection refused", retryAfter: nil))
        #expect(!result.description.contains("s3cr3tToken"))
    }

    @Test func scriptedOutageIsRetriedUntilDelivered() async throws {
        try await WebhookReceiver.with(replies: [.status(503), .status(503), .status(502)]) { receiver in
            let request = WebhookRequest.make(
                for: AlertFixtures.hostile, sink: sink(.teams, receiver), now: AlertFixtures.now)
            var results: [DeliveryResult] = []
            repeat {
                results.append(await sender.send(request))
            } while !(results.last?.isDelivered ?? true) && results.count < 10
            #expect(results.count == 4)
            #expect(results.last == .delivered(status: 200, messageID: nil))
            let keys = Set(receiver.requests.compactMap { $0.header("Idempotency-Key") })
            #expect(keys == ["inc-42-0"])
            #expect(Set(receiver.requests.map(\.body)).count == 1)
        }
    }

    @Test func genericWebhookIsSignedOverTimestampAndBody() async throws {
        let (result, requests) = try await send(.webhook, replies: [.ok])
        #expect(result.isDelivered)
        let request = try #require(requests.first)
        let timestamp = try #require(request.header("X-Failwatch-Timestamp"))
        #expect(timestamp == String(Int(AlertFixtures.now.timeIntervalSince1970)))
        #expect(request.header("X-Failwatch-Event") == "opened")
        #expect(request.json?["schema"] as? String == "failwatch.alert.v1")
        let expected = WebhookSignature.signature(
            body: request.body, secret: "whsec-test-key", timestamp: Int(timestamp) ?? 0)
        #expect(request.header("X-Failwatch-Signature") == expected)
    }

    /// Reference value computed outside Swift:
    /// `python3 -c "import hmac,hashlib; print(hmac.new(b'whsec-test-key', b'1763740800.{\"hello\":\"world\"}', hashlib.sha256).hexdigest())"`
    @Test func signatureMatchesAnIndependentHMAC() {
        let signature = WebhookSignature.signature(
            body: Data(#"{"hello":"world"}"#.utf8), secret: "whsec-test-key", timestamp: 1_763_740_800)
        #expect(signature == "sha256=f1e3f66488ee2cc4fd13416a34186f9911c57ec356bcaae519ba366c9573822f")
    }

    @Test func discordReturnsTheMessageIDAndLaterMessagesEditIt() async throws {
        let posted = WebhookReceiver.Reply(
            status: 200, headers: ["Content-Type": "application/json"],
            body: #"{"id": "1180000000000000001", "type": 0}"#)
        try await WebhookReceiver.with(replies: [posted, .ok]) { receiver in
            let discord = sink(.discord, receiver, path: "/api/webhooks/123/tok")
            let first = await sender.send(
                WebhookRequest.make(for: AlertFixtures.hostile, sink: discord, now: AlertFixtures.now))
            #expect(first == .delivered(status: 200, messageID: "1180000000000000001"))
            var update = AlertFixtures.hostile
            update.kind = .updated
            update.updateNumber = 1
            let edit = WebhookRequest.make(
                for: update, sink: discord, now: AlertFixtures.now, updating: "1180000000000000001")
            #expect(await sender.send(edit).isDelivered)
            let requests = receiver.requests
            #expect(requests.map(\.method) == ["POST", "PATCH"])
            #expect(requests.first?.query == "wait=true")
            #expect(requests.last?.path == "/api/webhooks/123/tok/messages/1180000000000000001")
            #expect(requests.last?.header("Idempotency-Key") == "inc-42-1")
        }
    }

    @Test func googleChatFollowUpsGoToTheIncidentThread() throws {
        let chat = SinkConfig(
            name: "g", kind: .googlechat,
            url: try #require(URL(string: "https://chat.example/v1/spaces/A/messages?key=k&token=t")))
        var update = AlertFixtures.hostile
        update.kind = .updated
        let request = WebhookRequest.make(for: update, sink: chat, now: AlertFixtures.now)
        #expect(request.url.query == "key=k&token=t&messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD")
        let json = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
        #expect((json["thread"] as? [String: String])?["threadKey"] == "failwatch-inc-42")
    }

    @Test func platformsWithoutEditingPostAFollowUp() {
        let slack = SinkConfig(name: "s", kind: .slack, url: URL(fileURLWithPath: "/x"))
        let request = WebhookRequest.make(
            for: AlertFixtures.hostile, sink: slack, now: AlertFixtures.now, updating: "123")
        #expect(request.method == "POST")
        #expect(request.url == slack.url)
    }
}
