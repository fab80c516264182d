#include "securitycommandcontext.h"

#include "commandplant.h"
#include "journal/journalschema.h"
#include "security/auditkey.h"
#include "util/privatefiles.h"

#include <QDir>
#include <QFileInfo>

#include <pwd.h>
#include <unistd.h>

namespace vigil
{

std::optional<int> SecurityCommandContext::open(const QString &plantFile,
                                                const DriverCatalog &drivers, Access access,
                                                QTextStream &err)
{
    PlantLoader::Result loaded;
    if (const std::optional<int> code = loadCommandPlant(plantFile, drivers, err, loaded))
        return code;
    return open(*loaded.plant, access, err);
}

std::optional<int> SecurityCommandContext::open(const PlantConfig &plant, Access access,
                                                QTextStream &err)
{
    m_options = plant.security;
    const QDir dataDir(plant.settings.dataDir());
    m_keyFile = dataDir.filePath(QStringLiteral("audit.key"));
    m_headFile = dataDir.filePath(QStringLiteral("audit.head"));
    return openDatabase(plant.settings.databaseUrl(), plant.settings.dataDir(), access, err);
}

std::optional<int> SecurityCommandContext::openDatabase(const QString &url, const QString &dataDir,
                                                        Access access, QTextStream &err)
{
    QString error;
    const std::optional<HistoryUrl> parsed = JournalConnection::parseUrl(url, &error);
    if (!parsed) {
        err << "vigil: " << error << Qt::endl;
        return 1;
    }
    const bool administer = access == Access::Administer;
    const bool write = access != Access::Verify;
    if (!administer && parsed->isSqlite() && !QFileInfo::exists(parsed->path())) {
        err << "vigil: no journal database at " << parsed->path() << Qt::endl;
        return 1;
    }
    if (administer && !PrivateFiles::makeDirectory(dataDir, &error)) {
        err << "vigil: " << error << Qt::endl;
        return 1;
    }
    m_connection = std::make_unique<JournalConnection>(
        *parsed, write ? JournalConnection::Role::Writer : JournalConnection::Role::Reader);
    if (!m_connection->open(&error)) {
        err << "vigil: " << error << Qt::endl;
        return 1;
    }
    QSqlDatabase db = m_connection->database();
    // The user commands may be the first to touch journal.db; the others take it as it is.
    if (!(administer ? JournalSchema::migrate(db, isSqlite(), &error)
                     : JournalSchema::readable(db, isSqlite(), &error))) {
        err << "vigil: " << error << Qt::endl;
        return 1;
    }
    std::optional<QByteArray> key = QByteArray(); // no key yet: nothing was ever sealed
    if (write)
        key = AuditKey::loadOrCreate(m_keyFile, &error);
    else if (QFileInfo::exists(m_keyFile))
        key = AuditKey::load(m_keyFile, &error);
    if (!key) {
        err << "vigil: " << error << Qt::endl;
        return 1;
    }
    m_key = *key;
    return std::nullopt;
}

AuditTrail SecurityCommandContext::auditTrail(const Clock *clock) const
{
    return AuditTrail(database(), isSqlite(), m_key, m_headFile, clock);
}

QString SecurityCommandContext::actor()
{
    // The name logged in on the terminal (the admin behind sudo), else the effective user.
    if (const char *login = ::getlogin(); login && *login)
        return QStringLiteral("cli:%1").arg(QString::fromLocal8Bit(login));
    if (const passwd *pw = ::getpwuid(::geteuid()); pw && pw->pw_name)
        return QStringLiteral("cli:%1").arg(QString::fromLocal8Bit(pw->pw_name));
    return QStringLiteral("cli:uid%1").arg(::geteuid());
}

} // namespace vigil
