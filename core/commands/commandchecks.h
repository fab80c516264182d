#pragma once

#include "security/permission.h"
#include "security/role.h"
#include "tags/quality.h"

#include <QString>
#include <QVariant>

namespace vigil
{

struct TagDefinition;

// The checks of a command that depend only on the tag and the request: who may, whether the tag
// takes writes, whether the value fits. Each returns "" when the command may go on, else the
// reason for the operator (English, without the "P101.CMD refused: " prefix).
namespace CommandChecks
{

// Bool tags are equipment (start/stop, open/close): OperateEquipment; others ChangeSetpoint.
Permission permissionFor(const TagDefinition &tag);
QString permissionRefusal(const TagDefinition &tag, Role role);
// Converts `target` to the tag's type (bool, double, string) when it can.
QString valueRefusal(const TagDefinition &tag, QVariant &target);
// "unit1: not connected" while the tag's quality says its device cannot be reached.
QString deviceProblem(const TagDefinition &tag, Quality quality);

// A value in the tag's type for messages: "1", "72.5", "'AUTO'".
QString valueText(const TagDefinition &tag, const QVariant &value);
// "5 s", "0.5 s".
QString durationText(qint64 ms);

} // namespace CommandChecks

} // namespace vigil
