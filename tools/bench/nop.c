// SPDX-License-Identifier: GPL-2.0
/* ubench's fork_exec_wait executes this: a static program that exits 0. */
int main(void)
{
	return 0;
}
