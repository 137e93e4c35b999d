// SPDX-License-Identifier: Apache-2.0

/// What a Graph API error code means for a Meta source (Facebook, Instagram, Threads) and what
/// the user does about it, one line, never the token: 190 an expired or revoked token, 10 and
/// 200–299 a missing permission (named when the API's message names it), 4/17/32/613 a rate
/// limit, 100 an unknown id or field.
///
/// Codes: https://developers.facebook.com/docs/graph-api/guides/error-handling/
enum GraphAPIError {
    /// One Meta API as its errors speak of it.
    struct Product: Sendable {
        /// The source kind, the messages' prefix (`facebook`).
        var name: String
        /// The token it takes, as the user made it ("page token").
        var token: String
        /// The permissions that token needs to read what failwatch reads.
        var permissions: [String]
        /// Permissions of other login flows the API's message may name instead.
        var alternatives: [String] = []
        /// What to check when an id is unknown (error 100).
        var idHint: String

        /// The permissions in words: "a, b and c".
        var needs: String {
            permissions.count < 2
                ? permissions.joined()
                : permissions.dropLast().joined(separator: ", ") + " and " + (permissions.last ?? "")
        }

        static let facebook = Product(
            name: "facebook", token: "page token", permissions: ["pages_read_engagement", "pages_read_user_content"],
            idHint: "check page_id: and the API version in url:")
        static let instagram = Product(
            name: "instagram", token: "token",
            permissions: ["instagram_basic", "instagram_manage_comments", "pages_read_engagement"],
            alternatives: ["instagram_business_basic", "instagram_business_manage_comments", "pages_show_list"],
            idHint: "check account_id: (the Instagram professional account's id) and the API version in url:")
        static let threads = Product(
            name: "threads", token: "token", permissions: ["threads_basic", "threads_read_replies"],
            alternatives: ["threads_keyword_search", "threads_manage_replies"],
            idHint: "check the API version in url:")
    }

    /// The permissions a page token needs to read the page's posts and who commented.
    static let permissions = Product.facebook.needs

    /// - Parameters:
    ///   - code: the error's `code`; `nil` when the body carried none.
    ///   - subcode: `error_subcode` (463: expired, 460: password changed, 467: invalid).
    ///   - message: the API's own message, kept for codes without advice and searched for the
    ///     permission it names.
    ///   - product: which API answered.
    static func explain(code: Int?, subcode: Int?, message: String?, product: Product = .facebook) -> String {
        let name = product.name
        switch code {
        case 190?:
            let why: String
            switch subcode {
            case 463?: why = "expired"
            case 460?: why = "revoked (the password changed)"
            case 467?: why = "invalid (the user logged out or revoked the app)"
            default: why = "expired or revoked"
            }
            return "\(name): the \(product.token) is \(why) (Graph API error 190); hint: make a new long-lived"
                + " \(product.token == "page token" ? "page access token" : "access token") and set it in the environment"
                + " variable named by token:"
        case 10?, 200?, 210?, 230?, 299?:
            if let missing = missingPermission(in: message, product: product) {
                return "\(name): the \(product.token) lacks \(missing) (Graph API error \(code ?? 0)); hint: grant it to"
                    + " the app and make a new token (it needs \(product.needs))"
            }
            return "\(name): the \(product.token) lacks a permission (Graph API error \(code ?? 0)); hint: it needs \(product.needs)"
        case 4?, 17?, 32?, 613?:
            return "\(name): rate-limited by the Graph API (error \(code ?? 0)); hint: raise interval: or lower max_pages:"
        case 100?:
            return "\(name): the Graph API does not know this id or field (error 100"
                + (message.map { ": \($0)" } ?? "") + "); hint: \(product.idHint)"
        default:
            let codeText = code.map { " \($0)" } ?? ""
            return "\(name): Graph API error\(codeText)" + (message.map { ": \($0)" } ?? "")
        }
    }

    /// The permission the API's message names ("requires the 'instagram_manage_comments' permission"),
    /// among those the product knows; `nil` when it names none.
    static func missingPermission(in message: String?, product: Product) -> String? {
        guard let message else { return nil }
        let words = Set(message.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
        return (product.permissions + product.alternatives).first { words.contains($0) }
    }
}
