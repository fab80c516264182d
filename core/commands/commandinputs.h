#pragma once

#include "tags/quality.h"
#include "tags/tagchange.h"

#include <QMutex>

#include <vector>

namespace vigil
{

// The latest value and quality of every tag, as the command service saw them in change sets.
// Written on the core thread; read there and, for faceplate permissives, from the GUI thread.
// Before a tag's first change it waits for initial data (Bad): interlocks on it block.
class CommandInputs
{
public:
    struct Input {
        double value = 0.0;
        Quality quality = Quality::WaitingForInitialData;
        bool hasValue = false;
    };

    explicit CommandInputs(quint32 tagCount);

    void apply(const ChangeSet &changes);
    Input at(quint32 tag) const;

private:
    mutable QMutex m_mutex;
    std::vector<Input> m_inputs;
};

} // namespace vigil
