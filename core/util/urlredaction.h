#pragma once

#include <QString>

namespace vigil
{

// Passwords never reach the screen, a log or an error message: every place that shows a
// database or broker URL passes it through here first. user:secret@ becomes user:***@ and a
// password=secret query item becomes password=***; the rest of the URL is kept so that it still
// says where the data goes. Works on text that is not a valid URL too (a bad URL in an error
// message is exactly where a password would otherwise leak).
class UrlRedaction
{
public:
    // One URL (the whole string).
    static QString redact(const QString &url);
    // Every scheme://… URL inside free text, e.g. a log message.
    static QString redactAll(const QString &text);
    static QString mask() { return QStringLiteral("***"); }
};

} // namespace vigil
