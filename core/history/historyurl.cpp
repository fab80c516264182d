#include "historyurl.h"

#include "util/urlredaction.h"

#include <QUrl>
#include <QUrlQuery>

namespace vigil
{

std::optional<HistoryUrl> HistoryUrl::parse(const QString &url, QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<HistoryUrl> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    HistoryUrl out;
    if (url.startsWith(u"sqlite:")) {
        out.m_backend = Backend::Sqlite;
        out.m_path = url.mid(7).trimmed();
        if (out.m_path.startsWith(u"//"))
            out.m_path = out.m_path.mid(2); // sqlite:///abs/path
        if (out.m_path.isEmpty())
            return fail(QStringLiteral("sqlite URL needs a file path"));
        return out;
    }
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid() || (u.scheme() != u"postgresql" && u.scheme() != u"postgres"))
        return fail(QStringLiteral("'%1' is not a database URL (use sqlite:PATH or "
                                   "postgresql://user@host:port/database)")
                        .arg(UrlRedaction::redact(url)));
    out.m_backend = Backend::Postgres;
    out.m_host = u.host();
    out.m_port = u.port(-1);
    out.m_user = u.userName();
    out.m_password = u.password();
    out.m_database = u.path().mid(1);
    const QUrlQuery query(u);
    if (query.hasQueryItem(QStringLiteral("host")))
        out.m_host = query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
    if (out.m_host.isEmpty() || out.m_database.isEmpty())
        return fail(QStringLiteral("PostgreSQL URL needs a host and a database"));
    return out;
}

QString HistoryUrl::display() const
{
    if (isSqlite())
        return QStringLiteral("sqlite:") + m_path;
    QString s = QStringLiteral("postgresql://");
    if (!m_user.isEmpty())
        s += m_user + u'@';
    s += m_host.startsWith(u'/') ? QStringLiteral("localhost") : m_host;
    if (m_port > 0)
        s += u':' + QString::number(m_port);
    s += u'/' + m_database;
    if (m_host.startsWith(u'/'))
        s += QStringLiteral("?host=") + m_host;
    return s;
}

} // namespace vigil
