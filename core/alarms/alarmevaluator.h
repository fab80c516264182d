#pragma once

#include "alarmdefinition.h"
#include "alarminput.h"

namespace vigil
{

// The part of a rule that evaluation reads, packed for the hot path (one cache line holds two).
struct AlarmCheck {
    double limit = 0.0;
    double deadband = 0.0;
    quint32 tag = kNoTag;
    quint32 setpointTag = kNoTag;
    AlarmType type = AlarmType::Hi;
    bool digitalState = true;
    bool condition = false; // the last evaluation, as the state machine has it
    bool isRule = false;    // false: the engine's own conditions, never evaluated from values
};

// Decides whether a rule's condition is abnormal given its inputs and its previous condition.
// The deadband applies on the way back: an active limit clears only once the value is back
// past limit -/+ deadband, so a signal chattering around the limit raises once.
class AlarmEvaluator
{
public:
    static AlarmCheck checkFor(const AlarmDefinition &definition);
    // Whether the inputs allow an evaluation at all: Bad quality (pv or setpoint) means no
    // verdict, so the condition keeps what it was.
    static bool canEvaluate(const AlarmCheck &check, const AlarmInput *inputs);
    static bool evaluate(const AlarmCheck &check, const AlarmInput *inputs);
    // Rate of change with no change received for quietMs: the value is standing still.
    static bool evaluateQuietRate(const AlarmCheck &check);

private:
    static bool above(double v, const AlarmCheck &check);
    static bool below(double v, const AlarmCheck &check);
};

} // namespace vigil
