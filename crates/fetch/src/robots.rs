//! robots.txt (RFC 9309): which paths of a site orbit may fetch, and how fast.
//!
//! The group for orbit's product token (`orbit`) applies when there is one, else the `*`
//! group. Within it the longest matching `Allow`/`Disallow` pattern wins (`*` matches any run
//! of characters, a final `$` anchors the end), and `Allow` wins a tie. `Crawl-delay`, which
//! RFC 9309 leaves out but many news sites set, is honoured as the delay between requests.

use std::time::Duration;

/// The rules of one robots.txt for orbit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Robots {
    /// (allow?, pattern) of the group that applies to orbit.
    rules: Vec<(bool, String)>,
    /// Crawl-delay of that group, if any.
    pub crawl_delay: Option<Duration>,
    /// Nothing may be fetched (robots.txt unreachable through a server error).
    disallow_all: bool,
}

impl Robots {
    /// Everything allowed: no robots.txt (404 and other client errors).
    pub fn allow_all() -> Self {
        Robots::default()
    }

    /// Nothing allowed.
    pub fn disallow_all() -> Self {
        Robots {
            disallow_all: true,
            ..Robots::default()
        }
    }

    /// Parses a robots.txt for the product token `agent` (lowercase, like `orbit`).
    ///
    /// ```
    /// use orbit_fetch::robots::Robots;
    /// let r = Robots::parse("User-agent: *\nDisallow: /private\nAllow: /private/ok\n", "orbit");
    /// assert!(!r.allows("/private/x"));
    /// assert!(r.allows("/private/ok/page"));
    /// assert!(r.allows("/news/mali"));
    /// ```
    pub fn parse(text: &str, agent: &str) -> Self {
        let agent = agent.to_ascii_lowercase();
        let mut ours: Option<Group> = None;
        let mut star: Option<Group> = None;
        let mut current: Option<(Vec<String>, Group)> = None;
        let mut in_agents = false;
        let mut finish = |agents: Vec<String>, group: Group, ours: &mut Option<Group>| {
            for a in &agents {
                let slot = if *a == agent {
                    &mut *ours
                } else if a == "*" {
                    &mut star
                } else {
                    continue;
                };
                slot.get_or_insert_with(Group::default).merge(&group);
            }
        };
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" => {
                    if !in_agents && let Some((agents, group)) = current.take() {
                        finish(agents, group, &mut ours);
                    }
                    in_agents = true;
                    let (agents, _) = current.get_or_insert_with(Default::default);
                    // "orbit/0.1" names the product token "orbit".
                    let token = value.split('/').next().unwrap_or("").trim();
                    agents.push(token.to_ascii_lowercase());
                }
                "allow" | "disallow" | "crawl-delay" => {
                    in_agents = false;
                    let Some((_, group)) = current.as_mut() else {
                        continue;
                    };
                    match key.as_str() {
                        "crawl-delay" => {
                            if let Ok(secs) = value.parse::<f64>()
                                && secs.is_finite()
                                && secs >= 0.0
                            {
                                group.crawl_delay = Some(Duration::from_secs_f64(secs.min(3600.0)));
                            }
                        }
                        // An empty Disallow allows everything: it adds no rule.
                        _ if value.is_empty() => {}
                        "allow" => group.rules.push((true, value.to_string())),
                        _ => group.rules.push((false, value.to_string())),
                    }
                }
                _ => {}
            }
        }
        if let Some((agents, group)) = current.take() {
            finish(agents, group, &mut ours);
        }
        let group = ours.or(star).unwrap_or_default();
        Robots {
            rules: group.rules,
            crawl_delay: group.crawl_delay,
            disallow_all: false,
        }
    }

    /// Whether `path` (path and query of a URL, starting with '/') may be fetched.
    pub fn allows(&self, path: &str) -> bool {
        if self.disallow_all {
            return false;
        }
        if path == "/robots.txt" {
            return true;
        }
        let mut best: Option<(usize, bool)> = None;
        for (allow, pattern) in &self.rules {
            if matches(pattern, path) {
                let len = pattern.len();
                best = match best {
                    Some((l, a)) if l > len || (l == len && a) => Some((l, a)),
                    _ => Some((len, *allow)),
                };
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

#[derive(Debug, Clone, Default)]
struct Group {
    rules: Vec<(bool, String)>,
    crawl_delay: Option<Duration>,
}

impl Group {
    fn merge(&mut self, other: &Group) {
        self.rules.extend(other.rules.iter().cloned());
        self.crawl_delay = self.crawl_delay.or(other.crawl_delay);
    }
}

/// Whether a robots.txt pattern matches the start of `path`: `*` is any run of characters and
/// a trailing `$` requires the path to end there.
fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let parts: Vec<&str> = pattern.split('*').collect();
    // The first part must be a prefix; later parts are found in order, greedily from the left
    // (the last one from the right when anchored, so that "/*.pdf$" checks the end).
    let Some(mut rest) = path.strip_prefix(parts[0]) else {
        return false;
    };
    if parts.len() == 1 {
        return !anchored || rest.is_empty();
    }
    for (i, part) in parts.iter().enumerate().skip(1) {
        let last = i == parts.len() - 1;
        if last && anchored {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    !anchored || rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_group_wins_over_the_star_group() {
        let text = "User-agent: *\nDisallow: /\n\nUser-agent: orbit\nDisallow: /admin\n";
        let r = Robots::parse(text, "orbit");
        assert!(r.allows("/afrique/mali"));
        assert!(!r.allows("/admin/x"));
        let other = Robots::parse(text, "somebot");
        assert!(!other.allows("/afrique/mali"));
    }

    #[test]
    fn consecutive_user_agents_share_a_group_and_comments_are_ignored() {
        let text = "User-agent: googlebot\nUser-agent: orbit # us\nDisallow: /private\n\
                    Crawl-delay: 2\n\nUser-agent: *\nDisallow:\n";
        let r = Robots::parse(text, "orbit");
        assert!(!r.allows("/private"));
        assert_eq!(r.crawl_delay, Some(Duration::from_secs(2)));
        let star = Robots::parse(text, "other");
        assert!(star.allows("/private"));
    }

    #[test]
    fn wildcards_anchors_and_longest_match() {
        assert!(matches("/*.pdf$", "/reports/x.pdf"));
        assert!(!matches("/*.pdf$", "/reports/x.pdf?y=1"));
        assert!(matches("/news/*/amp", "/news/2024/06/amp/page"));
        assert!(!matches("/news$", "/news/x"));
        let r = Robots::parse(
            "User-agent: *\nDisallow: /news\nAllow: /news/afrique\n",
            "orbit",
        );
        assert!(!r.allows("/news/europe"));
        assert!(r.allows("/news/afrique/mali"));
        assert!(r.allows("/robots.txt"));
        assert!(!Robots::disallow_all().allows("/"));
        assert!(Robots::allow_all().allows("/anything"));
    }
}
