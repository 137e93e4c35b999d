// SPDX-License-Identifier: Apache-2.0

/// What a Graph API error code means for a page source and what the user does about it, one
/// line, never the token: 190 an expired or revoked token, 10 and 200–299 a missing
/// permission, 4/17/32/613 a rate limit, 100 an unknown page or field.
///
/// Codes: https://developers.facebook.com/docs/graph-api/guides/error-handling/
enum GraphAPIError {
    /// The permissions a page token needs to read the page's posts and who commented.
    static let permissions = "pages_read_engagement and pages_read_user_content"

    /// - Parameters:
    ///   - code: the error's `code`; `nil` when the body carried none.
    ///   - subcode: `error_subcode` (463: expired, 460: password changed, 467: invalid).
    ///   - message: the API's own message, kept for codes without advice.
    static func explain(code: Int?, subcode: Int?, message: String?) -> String {
        switch code {
        case 190?:
            let why: String
            switch subcode {
            case 463?: why = "expired"
            case 460?: why = "revoked (the password changed)"
            case 467?: why = "invalid (the user logged out or revoked the app)"
            default: why = "expired or revoked"
            }
            return "facebook: the page token is \(why) (Graph API error 190); hint: make a new long-lived"
                + " page access token and set it in the environment variable named by token:"
        case 10?, 200?, 210?, 230?, 299?:
            return "facebook: the page token lacks a permission (Graph API error \(code ?? 0)); hint: it needs \(permissions)"
        case 4?, 17?, 32?, 613?:
            return "facebook: rate-limited by the Graph API (error \(code ?? 0)); hint: raise interval: or lower max_pages:"
        case 100?:
            return "facebook: the Graph API does not know this page or field (error 100"
                + (message.map { ": \($0)" } ?? "") + "); hint: check page_id: and the API version in url:"
        default:
            let codeText = code.map { " \($0)" } ?? ""
            return "facebook: Graph API error\(codeText)" + (message.map { ": \($0)" } ?? "")
        }
    }
}
