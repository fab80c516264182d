#include "urlredaction.h"

#include <QRegularExpression>

namespace vigil
{

namespace
{

// user:password@ between "scheme://" and the host. A password may hold unencoded '/', '?' or
// '@' (the URL is invalid then, but still must not leak), so the user info is taken to end at
// the last '@': a path with an '@' in it is hidden a little too much, never too little.
QString redactUserInfo(const QString &url)
{
    const qsizetype scheme = url.indexOf(u"://");
    if (scheme < 0)
        return url;
    const qsizetype start = scheme + 3;
    const qsizetype at = url.lastIndexOf(u'@');
    if (at < start)
        return url;
    const qsizetype colon = url.indexOf(u':', start);
    if (colon < 0 || colon >= at || colon + 1 == at)
        return url;
    return url.left(colon + 1) + UrlRedaction::mask() + url.mid(at);
}

QString redactQueryPassword(QString url)
{
    static const QRegularExpression password(QStringLiteral("([?&]password=)[^&#]*"),
                                             QRegularExpression::CaseInsensitiveOption);
    return url.replace(password, QStringLiteral("\\1") + UrlRedaction::mask());
}

} // namespace

QString UrlRedaction::redact(const QString &url)
{
    return redactQueryPassword(redactUserInfo(url));
}

QString UrlRedaction::redactAll(const QString &text)
{
    // A URL runs to the next white space or quote, as messages print them.
    static const QRegularExpression anyUrl(
        QStringLiteral("[A-Za-z][A-Za-z0-9+.-]*://[^\\s'\"<>]*"));
    if (!text.contains(u"://"))
        return text;
    QString out;
    qsizetype done = 0;
    for (const QRegularExpressionMatch &m : anyUrl.globalMatch(text)) {
        out += QStringView(text).mid(done, m.capturedStart() - done);
        out += redact(m.captured());
        done = m.capturedEnd();
    }
    out += QStringView(text).mid(done);
    return out;
}

} // namespace vigil
