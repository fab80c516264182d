#!/usr/bin/python3
"""A pymodbus 3.0 client for Vigil's integration tests.

  pymodbus_client.py --tcp PORT [--unit N] OP...

OPs (addresses 0-based):  read:AREA:ADDR:COUNT   (AREA co, di, ir, hr) prints the values
                          write_coil:ADDR:0|1    write_reg:ADDR:V      write_regs:ADDR:V1,V2,...
Prints one line per OP: the values comma-separated, "ok" for writes, or "error: ..." (exit 1).
"""
import argparse
import logging
import sys

from pymodbus.client import ModbusTcpClient


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tcp", type=int, required=True)
    parser.add_argument("--unit", type=int, default=1)
    parser.add_argument("ops", nargs="+")
    args = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)
    client = ModbusTcpClient("127.0.0.1", port=args.tcp, timeout=2)
    if not client.connect():
        print("error: cannot connect", flush=True)
        return 1
    failed = False
    for op in args.ops:
        parts = op.split(":")
        if parts[0] == "read":
            area, addr, count = parts[1], int(parts[2]), int(parts[3])
            call = {"co": client.read_coils, "di": client.read_discrete_inputs,
                    "ir": client.read_input_registers, "hr": client.read_holding_registers}[area]
            rr = call(addr, count, slave=args.unit)
            if rr.isError():
                print(f"error: {rr}", flush=True)
                failed = True
                continue
            values = rr.bits[:count] if area in ("co", "di") else rr.registers
            print(",".join(str(int(v)) for v in values), flush=True)
        else:
            addr = int(parts[1])
            if parts[0] == "write_coil":
                rr = client.write_coil(addr, parts[2] == "1", slave=args.unit)
            elif parts[0] == "write_reg":
                rr = client.write_register(addr, int(parts[2], 0), slave=args.unit)
            else:
                rr = client.write_registers(addr, [int(v, 0) for v in parts[2].split(",")],
                                            slave=args.unit)
            if rr.isError():
                print(f"error: {rr}", flush=True)
                failed = True
            else:
                print("ok", flush=True)
    client.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
