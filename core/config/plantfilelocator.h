#pragma once

#include <QString>
#include <QStringList>

namespace vigil
{

// Which plant file a command runs: the one given on the command line, else $VIGIL_CONFIG, else
// the first of the caller's candidate paths that exists; empty if none.
class PlantFileLocator
{
public:
    static QString find(const QString &given, const QStringList &candidates);
};

} // namespace vigil
