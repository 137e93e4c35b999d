// SPDX-License-Identifier: Apache-2.0
import FailwatchCore

/// `kind: reddit`: `query:` and/or `subreddit:` (one at least), and `user_agent:`.
extension ConfigReader {
    mutating func readReddit(_ fields: Fields) -> RedditQuery? {
        let query = text(fields, "query")
        let subreddit = text(fields, "subreddit")
        let userAgent = text(fields, "user_agent")
        if fields["query"] == nil && fields["subreddit"] == nil {
            reportMissing(
                "query", in: fields, hint: "search with query: vodafone störung, or list subreddit: de_EDV (or both)")
            return nil
        }
        var name: String?
        if let subreddit {
            var value = subreddit.value
            for prefix in ["/r/", "r/"] where value.hasPrefix(prefix) { value.removeFirst(prefix.count) }
            guard !value.isEmpty, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                report(
                    "invalid subreddit '\(subreddit.raw)' \(fields.context); hint: the name as in r/NAME, e.g. de_EDV",
                    at: subreddit.mark)
                return nil
            }
            name = value
        }
        if fields["query"] != nil && query == nil || fields["subreddit"] != nil && subreddit == nil
            || fields["user_agent"] != nil && userAgent == nil
        {
            return nil
        }
        return RedditQuery(
            query: query?.value, subreddit: name, userAgent: userAgent?.value ?? RedditQuery.defaultUserAgent)
    }
}
