/* The project's own program named statusgen. */
int main(void)
{
    return 0;
}
