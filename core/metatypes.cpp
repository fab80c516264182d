#include "metatypes.h"

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
}

} // namespace vigil
