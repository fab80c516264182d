#include "metatypes.h"

#include "alarms/alarmsnapshot.h"
#include "alarms/alarmtransition.h"
#include "commands/commandstatus.h"
#include "events/systemevent.h"
#include "security/role.h"
#include "tags/quality.h"
#include "tags/tagchange.h"
#include "tags/tagsample.h"

#include <QMetaType>

namespace vigil
{

void registerCoreMetaTypes()
{
    qRegisterMetaType<vigil::Quality>();
    qRegisterMetaType<vigil::SampleBatch>();
    qRegisterMetaType<vigil::ChangeSet>();
    qRegisterMetaType<vigil::SystemEvent>();
    qRegisterMetaType<vigil::AlarmTransitionBatch>();
    qRegisterMetaType<QList<vigil::AlarmSnapshot>>();
    qRegisterMetaType<vigil::CommandStatus>();
    qRegisterMetaType<vigil::Role>();
}

} // namespace vigil
