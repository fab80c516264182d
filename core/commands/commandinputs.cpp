#include "commandinputs.h"

#include <QMutexLocker>

namespace vigil
{

CommandInputs::CommandInputs(quint32 tagCount)
    : m_inputs(tagCount)
{
}

void CommandInputs::apply(const ChangeSet &changes)
{
    const QMutexLocker lock(&m_mutex);
    for (const TagChange &change : changes) {
        if (change.tag >= m_inputs.size())
            continue;
        Input &input = m_inputs[change.tag];
        input.quality = change.quality;
        // A change without a usable value keeps the last one for messages ("read-back 0").
        if (!isBad(change.quality)) {
            input.value = change.value;
            input.hasValue = true;
        }
    }
}

CommandInputs::Input CommandInputs::at(quint32 tag) const
{
    const QMutexLocker lock(&m_mutex);
    return tag < m_inputs.size() ? m_inputs[tag] : Input{};
}

} // namespace vigil
