#include "plantloadaudit.h"

#include "config/plantconfig.h"

#include <QCryptographicHash>
#include <QFile>

namespace vigil
{

AuditEntry plantLoadAuditEntry(const PlantConfig &plant)
{
    QFile file(plant.filePath);
    const QString digest =
        file.open(QIODevice::ReadOnly)
            ? QString::fromLatin1(
                  QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex())
            : QStringLiteral("unreadable (%1)").arg(file.errorString());
    AuditEntry entry;
    entry.user = QStringLiteral("system");
    entry.action = QStringLiteral("plant.load");
    entry.target = plant.filePath;
    entry.detail = QStringLiteral("plant '%1': %2 devices, %3 tags, sha256 %4")
                       .arg(plant.name)
                       .arg(plant.devices.size())
                       .arg(plant.tags ? plant.tags->size() : 0)
                       .arg(digest);
    entry.result = QStringLiteral("ok");
    return entry;
}

} // namespace vigil
