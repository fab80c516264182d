#include "plantfilelocator.h"

#include <QFileInfo>

namespace vigil
{

QString PlantFileLocator::find(const QString &given, const QStringList &candidates)
{
    if (!given.isEmpty())
        return given;
    const QString fromEnv = qEnvironmentVariable("VIGIL_CONFIG");
    if (!fromEnv.isEmpty())
        return fromEnv;
    for (const QString &c : candidates) {
        if (QFileInfo::exists(c))
            return QFileInfo(c).canonicalFilePath();
    }
    return QString();
}

} // namespace vigil
