// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What every Graph API source (Facebook, Instagram, Threads) does the same way: the token in
/// a header, times as Unix seconds, the error object as one line, and the next page by
/// `paging.cursors.after` on the configured host (the API's own `next` URL carries the token).
enum GraphAPI {
    /// `Authorization: Bearer` for a token; none when `headers:` carries it.
    static func headers(_ token: String?) -> [String: String] {
        token.map { ["Authorization": "Bearer " + $0] } ?? [:]
    }

    /// Unix seconds, kept within what a clock can hold.
    static func unix(_ date: Date) -> String {
        String(Int64(min(max(0, date.timeIntervalSince1970), 4e12).rounded(.down)))
    }

    /// Throws the body's `{"error": …}` as one line naming what is wrong; returns when it is none.
    static func throwIfError(_ body: FetchedBody, product: GraphAPIError.Product) throws(APIError) {
        guard let failure = try? JSONDecoder().decode(GraphErrorBody.self, from: body.data) else { return }
        throw .refused(
            GraphAPIError.explain(
                code: failure.error.code, subcode: failure.error.subcode, message: failure.error.message,
                product: product))
    }

    /// The request for the next page: `request` with `after` set, when the page had items and
    /// `more` (usually `paging.next` being there) says another follows.
    static func nextPage(_ paging: GraphPaging?, request: FetchRequest, hasItems: Bool, more: Bool) -> FetchRequest? {
        guard hasItems, more, let after = paging?.cursors?.after?.nonEmpty else { return nil }
        return FetchRequest(url: APIURL.setting(request.url, "after", to: after), headers: request.headers)
    }
}
