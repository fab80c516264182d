#include "exportpath.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace vigil
{

std::optional<QString> ExportPath::resolve(const QString &directory, const QString &fileName,
                                           QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<QString> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QString name = fileName.trimmed();
    if (name.isEmpty() || name == u"." || name == u"..")
        return fail(QStringLiteral("the file name is empty"));
    for (const QChar c : name) {
        if (c == u'/' || c == u'\\' || c.category() == QChar::Other_Control)
            return fail(QStringLiteral("'%1' is not a plain file name (no folders, no control "
                                       "characters)")
                            .arg(name));
    }
    if (name.contains(u".."))
        return fail(QStringLiteral("'%1' must not contain '..'").arg(name));
    if (!QDir().mkpath(directory))
        return fail(QStringLiteral("cannot create the export folder %1").arg(directory));
    const QString canonicalDir = QFileInfo(directory).canonicalFilePath();
    if (canonicalDir.isEmpty())
        return fail(QStringLiteral("the export folder %1 does not exist").arg(directory));
    const QString path = QDir(canonicalDir).filePath(name);
    const QFileInfo target(path);
    if (target.isSymLink())
        return fail(QStringLiteral("'%1' is a link; choose another name").arg(name));
    if (target.exists() && !target.isFile())
        return fail(QStringLiteral("'%1' exists and is not a file").arg(name));
    if (QFileInfo(target.absolutePath()).canonicalFilePath() != canonicalDir)
        return fail(QStringLiteral("'%1' would leave the export folder").arg(name));
    return path;
}

QString ExportPath::defaultName(const QString &prefix, qint64 msSinceEpoch)
{
    return QStringLiteral("%1_%2.csv")
        .arg(prefix, QDateTime::fromMSecsSinceEpoch(msSinceEpoch)
                         .toString(QStringLiteral("yyyyMMdd-HHmmss")));
}

} // namespace vigil
